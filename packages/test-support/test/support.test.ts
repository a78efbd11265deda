// The shared helpers hold what the packages' tests rely on: the sliding-window count, a child's output and
// exit code, the stub registry's answers and record, and the scripted model's turns in a real AI SDK loop.
import { generateText, isStepCount, tool } from 'ai';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { scriptedModel, toolResultTexts } from '../src/ai-sdk.ts';
import { compressedEmulator, emulatorPerFile } from '../src/emulator.ts';
import { exec, isMp4, PNG_BYTES, peakInWindow, serve, stubRegistry } from '../src/index.ts';

const kit = compressedEmulator({ speed: 100 });
const emu = emulatorPerFile(() => kit.emulator());

it('peakInWindow counts the most arrivals in any sliding window, not per fixed window', () => {
  expect(peakInWindow([], 100)).toBe(0);
  // Two fixed windows of [0,100) and [100,200) hold 2 each; the window [60,160) holds 4.
  expect(peakInWindow([0, 60, 90, 120, 150, 260], 100)).toBe(4);
  expect(peakInWindow([300, 0, 100, 200], 100)).toBe(1);
  // The emulator's request records count by their arrival time.
  expect(peakInWindow([{ at: 0 }, { at: 50 }, { at: 120 }, { at: 130 }], 100)).toBe(3);
});

it('exec gives the child only PATH and the env passed, and collects its output and exit code', async () => {
  const script =
    'console.log(JSON.stringify(Object.keys(process.env).sort())); console.error("e"); process.exit(3)';
  const exit = await exec(process.execPath, ['-e', script], { ONLY_THIS: '1' });
  expect(exit.code).toBe(3);
  expect(JSON.parse(exit.stdout)).toEqual(['ONLY_THIS', 'PATH']);
  expect(exit.stderr).toBe('e\n');
});

it('the stub registry answers its routes, 404s the rest and records every request', async () => {
  const registry = await stubRegistry({ '/api/v1/whoami': { user: { handle: 'tester' } } });
  try {
    expect(await (await fetch(`${registry.url}/api/v1/whoami`)).json()).toEqual({
      user: { handle: 'tester' },
    });
    const missing = await fetch(`${registry.url}/api/v1/upload?x=1`, { method: 'POST' });
    expect(missing.status).toBe(404);
    expect(registry.seen.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET /api/v1/whoami',
      'POST /api/v1/upload?x=1',
    ]);
    expect(registry.seen[1]?.query.get('x')).toBe('1');
  } finally {
    await registry.close();
  }
});

it('the compressed client options follow the emulator speed and the kit key is the one it accepts', async () => {
  expect(kit.clientOptions(emu)).toMatchObject({
    apiKey: kit.key,
    baseUrl: emu.url,
    rateLimit: { limit: 60, windowMs: 600 },
  });
  const ok = await fetch(`${emu.url}/api/v1/tasks`, { headers: { key: kit.key } });
  const refused = await fetch(`${emu.url}/api/v1/tasks`, { headers: { key: 'another' } });
  expect([ok.status, refused.status]).toEqual([200, 401]);
  expect(emu.requests).toHaveLength(2);
});

it('emulatorPerFile clears the requests of the test before', () => {
  expect(emu.requests).toHaveLength(0);
});

it('the scripted model plays its steps in a real generateText loop and sees the tool results', async () => {
  const model = scriptedModel([
    { toolCalls: [{ toolName: 'echo', input: { word: 'boat' } }] },
    (prompt) => ({ text: `The tool said ${toolResultTexts(prompt).join()}` }),
  ]);
  const result = await generateText({
    model,
    stopWhen: isStepCount(3),
    prompt: 'Echo boat',
    tools: {
      echo: tool({
        inputSchema: z.object({ word: z.string() }),
        execute: async ({ word }) => `echo ${word}`,
      }),
    },
  });
  expect(result.text).toBe('The tool said echo boat');
  expect(model.prompts).toHaveLength(2);
  await expect(generateText({ model, prompt: 'again' })).rejects.toThrow('The script has no step 3');
});

it('media helpers: the PNG is a PNG, and an MP4 is recognised by its ftyp box', () => {
  expect([...PNG_BYTES.subarray(1, 4)].map((byte) => String.fromCharCode(byte)).join('')).toBe('PNG');
  expect(isMp4(new Uint8Array([0, 0, 0, 24, 102, 116, 121, 112]))).toBe(true);
  expect(isMp4(PNG_BYTES)).toBe(false);
});

it('serve resolves with what the process printed once ready, and stop ends it', async () => {
  const script =
    'console.error("warming up"); setTimeout(() => console.log("listening on http://127.0.0.1:1234"), 50); setInterval(() => {}, 1000)';
  const server = await serve(process.execPath, ['-e', script], { ready: /listening on (\S+)/ });
  expect(server.ready).toBe('http://127.0.0.1:1234');
  expect(server.output()).toContain('warming up');
  await server.stop();
  await expect(serve(process.execPath, ['-e', 'process.exit(4)'], { ready: /(never)/ })).rejects.toThrow(
    /exited with 4/,
  );
});
