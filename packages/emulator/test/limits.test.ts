// Emulator limits: sizes, the request-log ring, per-key task storage, bad paths, fault rules, timers,
// ports and webhook hosts. Users run the emulator in their CI: it must never fall over.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../src/index';
import { call, IMAGE, KEY, submit, t2v, useEmulator, waitFor } from './helpers';

const start = useEmulator();
const bigImage = (bytes: number) => `data:image/png;base64,${'A'.repeat(bytes)}`;

describe('size caps', () => {
  it('refuses a body over maxBodyBytes with 413 and keeps none of it', async () => {
    const emu = await start({ maxBodyBytes: 4096 });
    const padded = JSON.stringify(t2v()) + ' '.repeat(5000);
    const result = await call(emu, '/api/v1/generate/t2v', { method: 'POST', raw: padded });
    expect(result.status).toBe(413);
    expect(result.json).toMatchObject({
      errorCode: 'PAYLOAD_TOO_LARGE',
      message: 'Request body over 4096 bytes',
    });
    expect(emu.requests.at(-1)).toMatchObject({ status: 413, body: '' });
    expect(emu.tasks()).toHaveLength(0);
  });

  it('refuses prompts over 10 000 characters, as core does', async () => {
    const emu = await start();
    const long = await call(emu, '/api/v1/generate/t2v', {
      method: 'POST',
      body: t2v({ prompt: 'a'.repeat(10_001) }),
    });
    expect(long.status).toBe(400);
    expect(long.json).toMatchObject({
      field: 'prompt',
      message: 'prompt must be at most 10000 characters (got 10001)',
    });
    const lv = await call(emu, '/api/v1/generate/lv', {
      method: 'POST',
      body: { image: IMAGE, prompt: ['ok', 'b'.repeat(10_001)] },
    });
    expect(lv.json.message).toBe('prompt[1] must be at most 10000 characters (got 10001)');
    expect(
      (await call(emu, '/api/v1/generate/t2v', { method: 'POST', body: t2v({ prompt: 'a'.repeat(10_000) }) }))
        .status,
    ).toBe(200);
  });

  it('refuses control characters and lone surrogates in prompts, as core does; tabs and line breaks pass', async () => {
    const emu = await start();
    const cases: [string, Record<string, unknown>, RegExp][] = [
      [
        't2v',
        t2v({ prompt: 'fox\u0000' }),
        /^prompt must not contain control characters .*\(got U\+0000 at index 3\)$/,
      ],
      ['t2v_v3', t2v({ prompt: '\u001b[31mred' }), /U\+001B at index 0/],
      [
        'i2v',
        { image: IMAGE, prompt: 'a\u007f', duration: '5' },
        /^prompt must not contain control characters/,
      ],
      ['lv', { image: IMAGE, prompt: ['ok', 'b\u0007'] }, /^prompt\[1\] must not contain control characters/],
      ['minimax', { content: 'x\u000b' }, /^content must not contain control characters/],
      ['t2v', t2v({ prompt: 'half \ud800 pair' }), /^prompt must be well-formed Unicode/],
    ];
    for (const [model, body, message] of cases) {
      const result = await call(emu, `/api/v1/generate/${model}`, { method: 'POST', body });
      expect(result.status, model).toBe(400);
      expect(result.json.message).toMatch(message);
    }
    expect(emu.tasks()).toHaveLength(0);
    await submit(emu, 't2v', t2v({ prompt: 'line one\nline two\r\n\ttabbed, emoji 🎬' }));
  });
});

describe('request log', () => {
  it('is a ring bounded in entries', async () => {
    const emu = await start({ requestLog: { maxEntries: 5 } });
    for (let i = 0; i < 8; i++) await call(emu, `/api/v1/tasks/ck${i}`);
    expect(emu.requests.map((request) => request.path)).toEqual(
      [3, 4, 5, 6, 7].map((i) => `/api/v1/tasks/ck${i}`),
    );
    emu.clearRequests();
    await call(emu, '/api/v1/tasks');
    expect(emu.requests).toHaveLength(1);
  });

  it('is bounded in bytes, cutting a body larger than the whole budget', async () => {
    const emu = await start({ requestLog: { maxBytes: 65_536 } });
    for (let i = 0; i < 10; i++) {
      await call(emu, '/api/v1/generate/t2v', {
        method: 'POST',
        body: t2v({ prompt: `${i}`, pad: 'x'.repeat(20_000) }),
      });
    }
    const kept = emu.requests.reduce((sum, request) => sum + request.body.length, 0);
    expect(kept).toBeLessThanOrEqual(65_536);
    expect(emu.requests.length).toBeLessThan(10);
    expect(JSON.parse(emu.requests.at(-1)?.body ?? '{}').prompt).toBe('9');
    await call(emu, '/api/v1/generate/t2v', { method: 'POST', body: t2v({ pad: 'y'.repeat(100_000) }) });
    expect(emu.requests).toHaveLength(1);
    expect(emu.requests[0]).toMatchObject({ status: 400, bodyTruncated: true });
    expect(emu.requests[0]?.body.length).toBeLessThan(65_536);
  });
});

describe('task storage per key', () => {
  it("forgets a key's oldest finished tasks to make room; other keys keep theirs", async () => {
    const emu = await start({
      apiKeys: [KEY, 'other'],
      maxBodyBytes: 262_144,
      maxTaskBytesPerKey: 1_048_576,
    });
    const mine = await submit(emu, 't2v', t2v(), {});
    const theirs = await call(emu, '/api/v1/generate/t2v', { method: 'POST', body: t2v(), key: 'other' });
    for (let i = 0; i < 12; i++) {
      await submit(emu, 'i2v', { image: bigImage(200_000), duration: '5' });
      await expect.poll(() => emu.tasks(KEY)[0]?.status, { timeout: 5_000 }).toBe('COMPLETED');
    }
    const list = await call(emu, '/api/v1/tasks');
    expect(list.status).toBe(200);
    expect(list.text.length).toBeLessThan(1_200_000);
    expect(list.json.tasks.length).toBeLessThan(13);
    expect((await call(emu, `/api/v1/tasks/${mine.taskId}`)).status).toBe(404);
    expect((await call(emu, `/api/v1/tasks/${theirs.json.taskId}`, { key: 'other' })).status).toBe(200);
    expect(emu.ledger.entries(KEY).filter((entry) => entry.kind === 'charge')).toHaveLength(13);
  });

  it('refuses with 413 when unfinished tasks alone fill the budget', async () => {
    const emu = await start({ speed: 1, maxBodyBytes: 262_144, maxTaskBytesPerKey: 524_288 });
    await submit(emu, 'i2v', { image: bigImage(200_000), duration: '5' });
    await submit(emu, 'i2v', { image: bigImage(200_000), duration: '5' });
    const refused = await call(emu, '/api/v1/generate/i2v', {
      method: 'POST',
      body: { image: bigImage(200_000), duration: '5' },
    });
    expect(refused.status).toBe(413);
    expect(refused.json.message).toMatch(/at most 524288 per key/);
    expect(emu.tasks()).toHaveLength(2);
    expect(emu.ledger.entries()).toHaveLength(2);
  });
});

describe('paths, fault rules and timers', () => {
  it('answers 400 (logged as 400, not a reset) for a path that is not valid percent-encoding', async () => {
    const emu = await start();
    for (const path of ['/api/v1/tasks/%ZZ', '/api/v1/tasks/%E0%A4%A/status', '/api/v1/generate/%']) {
      const result = await call(emu, path, { method: path.includes('generate') ? 'POST' : 'GET' });
      expect(result.status, path).toBe(400);
      expect(result.json).toMatchObject({
        errorCode: 'INVALID_PAYLOAD',
        message: expect.stringMatching(/percent-encoding/),
      });
      expect(emu.requests.at(-1)?.status).toBe(400);
    }
  });

  it('refuses fault rules that would fail every request later', async () => {
    const emu = await start({ faultControl: true });
    const bad = [
      { kind: 'error-before', match: { method: 42 } },
      { kind: 'error-before', match: { method: 'PO ST' } },
      { kind: 'error-before', match: { path: 7 } },
      { kind: 'error-before', match: 'POST' },
      { kind: 'latency', delayMs: 2 ** 31 },
      { kind: 'rate-limit', retryAfter: 5 },
    ];
    for (const fault of bad) {
      expect(() => emu.faults.add(fault as never), JSON.stringify(fault)).toThrow(
        /fault\.(match|delayMs|retryAfter)/,
      );
      const http = await call(emu, '/__emulator/faults', { method: 'POST', body: fault });
      expect(http.status).toBe(400);
    }
    expect(emu.faults.list()).toEqual([]);
    expect((await call(emu, '/api/v1/tasks')).status).toBe(200);
  });

  it('matches a /g RegExp rule on every request, not every other one', async () => {
    const emu = await start();
    emu.faults.add({ kind: 'error-before', status: 503, times: 3, match: { path: /^\/api\/v1\/tasks$/g } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(emu, '/api/v1/tasks')).status);
    expect(statuses).toEqual([503, 503, 503]);
  });

  it('refuses a speed so slow that its timers would overflow', async () => {
    await expect(startEmulator({ speed: 0.0000001 })).rejects.toThrow(
      /speed must be a finite number >= 0.001/,
    );
    await expect(startEmulator({ rateLimit: { limit: 1, windowMs: 1e13 } })).rejects.toThrow(
      /rateLimit.windowMs/,
    );
  });
});

describe('ports and webhook hosts', () => {
  it('warns when listening on a port that fetch() refuses', async () => {
    const seen: string[] = [];
    for (const port of [6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080]) {
      const emu = await startEmulator({ port, onWarning: (message) => seen.push(message) }).catch(
        () => undefined,
      );
      if (!emu) continue; // in use here: try the next one
      await emu.close();
      expect(emu.warnings).toEqual([expect.stringContaining(`port ${port} is one that fetch() refuses`)]);
      expect(seen).toEqual([`aivideomaker-emulator: ${emu.warnings[0]}`]);
      return;
    }
    throw new Error('every candidate port was in use');
  });

  it('has no warning on an ordinary port', async () => {
    const emu = await start();
    expect(emu.warnings).toEqual([]);
  });

  it('sends webhooks only to the allow-listed hosts when webhookHosts is set', async () => {
    const emu = await start({ webhookHosts: [`127.0.0.1:${9}`, 'Hooks.Example'] });
    const refused = await call(emu, '/api/v1/generate/t2v', {
      method: 'POST',
      body: t2v(),
      headers: { webhookUrl: 'http://localhost:9/hook' },
    });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({
      field: 'webhookUrl',
      message: expect.stringMatching(/localhost:9 is not in the emulator's webhook allow-list/),
    });
    await submit(emu, 't2v', t2v(), { webhookUrl: 'http://127.0.0.1:9/hook' });
    expect(emu.tasks()).toHaveLength(1);
  });
});

describe('webhook deadline', () => {
  it('gives each attempt a total deadline: a receiver that drips its answer cannot hold deliveries', async () => {
    const receiver = createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/plain' });
      // One byte every 50 ms: never idle long enough for an idle timeout, never finished.
      const drip = setInterval(() => res.write('.'), 50);
      res.on('close', () => clearInterval(drip));
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const emu = await start({ speed: 100 }); // attempt deadline: 10 s / 100, at least 1 s
      const port = (receiver.address() as AddressInfo).port;
      await submit(emu, 't2v', t2v(), { webhookUrl: `http://127.0.0.1:${port}/hook` });
      const failed = await waitFor(() => emu.webhooks.find((delivery) => delivery.error), 10_000);
      expect(failed).toMatchObject({ attempt: 1, error: 'no complete answer within 1000 ms' });
      expect(failed.status).toBeUndefined();
    } finally {
      receiver.closeAllConnections();
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});
