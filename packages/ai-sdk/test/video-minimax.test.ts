// minimax (MiniMax H3, the live service's model) through the same SDK options: its fields have other names
// (content, imageUrl, lastFrameUrl), a numeric duration, and named resolutions and tiers. The emulator
// runs it like the live service does.
import { experimental_generateVideo as generateVideo, experimental_startVideo as startVideo } from 'ai';
import { expect, it } from 'vitest';
import { createAIVideoMaker } from '../src/index';
import {
  clientFor,
  emulator,
  emulatorPerFile,
  generateRequests,
  isMp4,
  loopbackDownload,
  PNG_BYTES,
  POLL,
} from './helpers';

const emu = emulatorPerFile(() => emulator());

const minimax = (options = {}) => createAIVideoMaker({ client: clientFor(emu), ...options }).video('minimax');
type StartArgs = Parameters<typeof startVideo>[0];
const start = (args: Partial<StartArgs>) =>
  startVideo({ model: minimax(), prompt: 'A koi pond in rain', ...args });

it('a duration outside 5-20 s, a size it does not render, an unknown tier: refused, nothing sent', async () => {
  await expect(start({ duration: 25 })).rejects.toThrow(/Invalid duration: .*25.*5 to 20/);
  await expect(start({ duration: 7.5 })).rejects.toThrow(/Invalid duration/);
  await expect(start({ resolution: '640x480' })).rejects.toThrow(
    /Invalid resolution: "640x480" is not offered by model minimax. Allowed: "1280x720", "720x1280", "1920x1080", "1080x1920"/,
  );
  const tier = { aivideomaker: { tier: 'pro' } };
  await expect(start({ providerOptions: tier })).rejects.toThrow(
    /Invalid tier: "pro" is not allowed.*"turbo", "base"/,
  );
  const clash = { aivideomaker: { resolution: '720p' } };
  await expect(start({ resolution: '1920x1080', providerOptions: clash })).rejects.toThrow(/disagrees/);
  expect(emu.requests).toEqual([]);
});

it('the credit cap prices 1080p base by its own rate', async () => {
  const capped = minimax({ maxCreditsPerCall: 50 });
  const options = { aivideomaker: { tier: 'base' } };
  // 12 s at 1080p base (5 credits/s) = 60 credits.
  await expect(
    startVideo({
      model: capped,
      prompt: 'A koi pond',
      duration: 12,
      resolution: '1920x1080',
      providerOptions: options,
    }),
  ).rejects.toThrow(/costs 60 credits, more than the 50-credit limit/);
  expect(emu.requests).toEqual([]);
});

it('maps every SDK option to its minimax field and makes the video', async () => {
  const { video, warnings } = await generateVideo({
    model: minimax(),
    prompt: 'A koi pond in rain',
    aspectRatio: 'adaptive',
    duration: 6,
    resolution: '1080x1920',
    frameImages: [
      { image: PNG_BYTES, frameType: 'first_frame' },
      { image: PNG_BYTES, frameType: 'last_frame' },
    ],
    providerOptions: { aivideomaker: { tier: 'base' } },
    poll: POLL,
    download: loopbackDownload,
  });
  expect(isMp4(video.uint8Array)).toBe(true);
  expect(warnings).toEqual([]);
  const image = `data:image/png;base64,${Buffer.from(PNG_BYTES).toString('base64')}`;
  expect(generateRequests(emu)).toMatchObject([
    {
      model: 'minimax',
      body: {
        content: 'A koi pond in rain',
        aspectRatio: 'auto',
        duration: 6,
        resolution: '1080p',
        tier: 'base',
        imageUrl: image,
        lastFrameUrl: image,
      },
    },
  ]);
});
