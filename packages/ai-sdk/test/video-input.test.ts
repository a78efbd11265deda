// How a call's options reach the API, through experimental_startVideo: what the emulator received, the
// warnings for options a model cannot honour, and the errors (naming the field and the allowed values)
// that refuse bad input before any request.
import { InputValidationError } from '@aivideomaker/core';
import { experimental_generateVideo as generateVideo, experimental_startVideo as startVideo } from 'ai';
import { describe, expect, it, vi } from 'vitest';
import { aivideomaker, createAIVideoMaker } from '../src/index';
import { clientFor, emulator, emulatorPerFile, generateRequests, KEY, PNG_BYTES } from './helpers';

const emu = emulatorPerFile(() => emulator());

const provider = (options = {}) => createAIVideoMaker({ client: clientFor(emu), ...options });
type StartArgs = Parameters<typeof startVideo>[0];
const start = (args: Partial<StartArgs> & { model: StartArgs['model'] }) =>
  startVideo({ prompt: 'A red fox in snow', ...args });

describe('refused before any request', () => {
  it('a duration the model does not offer names the allowed ones (and the model that has it)', async () => {
    const error = await generateVideo({
      model: provider().video('t2v'),
      prompt: 'A fox',
      duration: 10,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputValidationError);
    expect((error as Error).message).toBe(
      'Invalid duration: "10" is not allowed for model t2v. Allowed: "5", "8". Use t2v_v3 or minimax for 10 s videos (t2v_v3 10 credits/s, minimax 3-5 credits/s).',
    );
    await expect(
      start({ model: provider().video('i2v_v3'), prompt: { image: PNG_BYTES }, duration: 6 }),
    ).rejects.toThrow(/duration.*Allowed: "5", "10", "15", "20"/);
    await expect(start({ model: provider().video('t2v'), duration: 5.5 })).rejects.toThrow(/duration/);
    expect(emu.requests).toEqual([]);
  });

  it('lv takes only the duration its segment prompts make (5 s each)', async () => {
    const lv = provider().video('lv');
    const prompts = ['One', 'Two', 'Three'];
    const args = { model: lv, prompt: { image: PNG_BYTES }, providerOptions: { aivideomaker: { prompts } } };
    await expect(start({ ...args, duration: 10 })).rejects.toThrow(
      /Invalid duration: 10 is not allowed for model lv with 3 segment prompt\(s\). Allowed: "15"/,
    );
    await expect(start({ ...args, providerOptions: { aivideomaker: { prompts: [] } } })).rejects.toThrow(
      /providerOptions\.aivideomaker\.prompt/,
    );
    expect(emu.requests).toEqual([]);
    await start({ ...args, duration: 15 });
    expect(generateRequests(emu)[0]?.body.prompt).toEqual(prompts);
  });

  it('wrong inputs: an image for a text model, no image for an image model, a ratio t2v lacks, bad options', async () => {
    const cases: Array<[Partial<StartArgs> & { model: StartArgs['model'] }, RegExp]> = [
      [
        { model: provider().video('t2v'), prompt: { image: PNG_BYTES } },
        /Invalid image: model t2v makes video from text only.*i2v, lv, i2v_v3/,
      ],
      [{ model: provider().video('i2v') }, /Invalid image: is required for model i2v/],
      [
        { model: provider().video('t2v'), aspectRatio: '4:3' },
        /aspectRatio: "4:3" is not allowed.*"16:9", "9:16", "1:1"/,
      ],
      [
        { model: provider().video('t2v'), providerOptions: { aivideomaker: { loop: true } } },
        /providerOptions\.aivideomaker\.loop: is not an AI Video Maker option. Allowed: "prompts", "webhookToken", "maxCredits", "resolution", "tier"/,
      ],
      [
        { model: provider().video('t2v'), providerOptions: { aivideomaker: { tier: 'base' } } },
        /providerOptions\.aivideomaker\.tier: model t2v has no tier option/,
      ],
      [
        { model: provider().video('t2v'), providerOptions: { aivideomaker: { maxCredits: -1 } } },
        /providerOptions\.aivideomaker\.maxCredits/,
      ],
      [
        { model: provider().video('t2v'), providerOptions: { aivideomaker: { prompts: ['a'] } } },
        /prompts: is for long video only/,
      ],
      [{ model: provider().video('i2v'), prompt: { image: new Uint8Array([1, 2, 3, 4]) } }, /Invalid image/],
    ];
    for (const [args, message] of cases) await expect(start(args)).rejects.toThrow(message);
    expect(() => aivideomaker.video('t3v' as 't2v')).toThrow(
      /modelId: "t3v" is not an AI Video Maker model. Allowed: "t2v"/,
    );
    expect(emu.requests).toEqual([]);
  });

  it('a credit cap: the provider default, lowered (never raised) per call', async () => {
    const capped = provider({ maxCreditsPerCall: 60 });
    await expect(start({ model: capped.video('t2v_v3'), duration: 10 })).rejects.toThrow(
      /costs 100 credits, more than the 60-credit limit per call; nothing was submitted/,
    );
    const raised = { aivideomaker: { maxCredits: 1000 } };
    await expect(
      start({ model: capped.video('t2v_v3'), duration: 10, providerOptions: raised }),
    ).rejects.toThrow(/60-credit/);
    const lowered = { aivideomaker: { maxCredits: 5 } };
    await expect(
      start({ model: capped.video('t2v'), duration: 8, providerOptions: lowered }),
    ).rejects.toThrow(/5-credit/);
    expect(emu.requests).toEqual([]);
    await start({ model: capped.video('t2v_v3'), duration: 5 });
    expect(generateRequests(emu)).toHaveLength(1);
  });
});

describe('what is sent', () => {
  it('defaults for what the call leaves out; warnings for what the model cannot honour', async () => {
    const { operation, warnings, providerMetadata } = await start({
      model: provider().video('t2v'),
      fps: 30,
      seed: 7,
      resolution: '1920x1080',
      generateAudio: true,
    });
    expect(generateRequests(emu).map((request) => request.body)).toEqual([
      { prompt: 'A red fox in snow', aspectRatio: '16:9', duration: '5' },
    ]);
    expect(warnings.map((warning) => warning.type === 'unsupported' && warning.feature)).toEqual([
      'fps',
      'seed',
      'generateAudio',
      'resolution',
    ]);
    const taskId = emu.tasks()[0]?.id;
    expect(operation).toEqual({ taskId });
    expect(providerMetadata?.aivideomaker).toEqual({ taskId, model: 't2v', estimatedCredits: 5 });
    expect(JSON.stringify(warnings)).not.toContain(KEY);
  });

  it('image models: an aspect ratio and a last frame are warned about, not sent', async () => {
    const { warnings } = await start({
      model: provider().video('i2v'),
      prompt: 'The cat blinks',
      aspectRatio: '1:1',
      frameImages: [
        { image: PNG_BYTES, frameType: 'first_frame' },
        { image: PNG_BYTES, frameType: 'last_frame' },
      ],
    });
    expect(warnings.map((warning) => warning.type === 'unsupported' && warning.feature)).toEqual([
      'aspectRatio',
      'frameImages.last_frame',
    ]);
    expect(Object.keys(generateRequests(emu)[0]?.body ?? {}).sort()).toEqual(['duration', 'image', 'prompt']);
  });

  it('a URL image is passed as is; a webhook token is added to the webhook URL', async () => {
    await start({
      model: provider().video('i2v_v3'),
      prompt: { image: 'https://images.example/cat.png' },
      duration: 10,
      webhookUrl: 'https://hooks.example/video?job=1',
      providerOptions: { aivideomaker: { webhookToken: 's3cret' } },
    });
    const [request] = emu.requests;
    expect(JSON.parse(request?.body ?? '{}')).toEqual({
      image: 'https://images.example/cat.png',
      duration: '10',
    });
    expect(request?.headers.webhookurl).toBe('https://hooks.example/video?job=1&token=s3cret');
  });
});

it('the default provider needs no key until a call: then a missing key is an error before any request', async () => {
  vi.stubEnv('AIVIDEOMAKER_API_KEY', '');
  vi.stubEnv('AIVIDEOMAKER_BASE_URL', emu.url);
  try {
    const model = createAIVideoMaker().video('t2v');
    await expect(start({ model })).rejects.toThrow(/No API key.*AIVIDEOMAKER_API_KEY/);
    expect(emu.requests).toEqual([]);
  } finally {
    vi.unstubAllEnvs();
  }
});

describe('the live API headers', () => {
  it("the SDK's idempotency-key (or the caller's) and the credit cap go with the paid request", async () => {
    await start({ model: provider({ maxCreditsPerCall: 12.5 }).video('t2v') });
    await start({ model: provider().video('t2v'), headers: { 'Idempotency-Key': 'job-42-render-1' } });
    const [first, second] = emu.requests;
    expect(first?.headers['idempotency-key']).toMatch(/^aisdk_vid_\w+$/);
    expect(first?.headers['x-max-credits']).toBe('12');
    expect(second?.headers['idempotency-key']).toBe('job-42-render-1');
    expect(second?.headers['x-max-credits']).toBeUndefined();
  });

  it('a retry with the same key gets the same task, charged once', async () => {
    const [before, tasks] = [emu.ledger.balance(KEY), emu.tasks().length];
    const headers = { 'idempotency-key': 'job-7-lantern-video' };
    const first = await start({ model: provider().video('t2v'), headers });
    // Another process, another provider: the same logical job.
    const again = await start({ model: provider().video('t2v'), headers });
    expect(again.operation).toEqual(first.operation);
    expect(emu.tasks()).toHaveLength(tasks + 1);
    expect(emu.ledger.balance(KEY)).toBe(before - 5);
  });

  it('the server enforces the cap against its own price, before charging', async () => {
    await using pricey = await emulator({ prices: { t2v: 3 } }); // 15 credits for 5 s; the list says 5
    const before = pricey.ledger.balance(KEY);
    const capped = createAIVideoMaker({ client: clientFor(pricey), maxCreditsPerCall: 10 });
    await expect(startVideo({ model: capped.video('t2v'), prompt: 'A fox' })).rejects.toThrow(
      expect.objectContaining({ code: 'budget_exceeded' }),
    );
    expect(pricey.tasks()).toEqual([]);
    expect(pricey.ledger.balance(KEY)).toBe(before);
  });

  it('a key the API would refuse is refused before any request', async () => {
    const headers = { 'idempotency-key': 'short' };
    await expect(start({ model: provider().video('t2v'), headers })).rejects.toThrow(/idempotencyKey/);
    expect(emu.requests).toEqual([]);
  });
});
