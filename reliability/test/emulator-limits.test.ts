// Emulator limits: the emulator runs in users' CI, so what a careless or hostile client sends must get a
// clear answer and break nothing: oversized bodies and prompts, a flood of big tasks from one key, bad
// percent-encoding, fault rules that would fail every request, speeds and delays that overflow timers,
// ports fetch() refuses and receivers that drip their answer. `broken` counts answers that were not the
// documented one: a 500, a reset, a hang, or another key's answer changed.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Emulator, startEmulator } from '@aivideomaker/emulator';
import { describe, expect, it } from 'vitest';
import { KEY } from './support/constants';
import { count } from './support/figures';
import { emulator, until } from './support/harness';

const OTHER = 'another-account-key';

async function send(
  emu: Emulator,
  path: string,
  init: { method?: string; key?: string; body?: string } = {},
) {
  const response = await fetch(`${emu.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { key: init.key ?? KEY, 'content-type': 'application/json' },
    body: init.body,
  });
  const text = await response.text();
  return { status: response.status, text };
}

const t2v = (prompt: string) => JSON.stringify({ prompt, aspectRatio: '16:9', duration: '5' });
const bigImage = (bytes: number) =>
  JSON.stringify({ image: `data:image/png;base64,${'A'.repeat(bytes)}`, duration: '5' });

describe('emulator limits', () => {
  it('answers oversized bodies, long prompts and control characters with 413/400, keeping the log bounded', async (ctx) => {
    await using emu = await emulator({
      apiKeys: [KEY, OTHER],
      maxBodyBytes: 1_048_576,
      requestLog: { maxEntries: 50, maxBytes: 2_097_152 },
    });
    const { status: otherStatus } = await send(emu, '/api/v1/generate/t2v', {
      method: 'POST',
      key: OTHER,
      body: t2v('kept'),
    });
    expect(otherStatus).toBe(200);
    const cases: [string, string, number][] = [
      ...Array.from({ length: 20 }, (): [string, string, number] => [
        '/api/v1/generate/t2v',
        t2v('a'.repeat(10_001)),
        400,
      ]),
      ...Array.from({ length: 10 }, (): [string, string, number] => [
        '/api/v1/generate/i2v',
        bigImage(1_100_000),
        413,
      ]),
      ...['\u0000', '\u001b[2J', '\u007f', '\ud800'].map((bad): [string, string, number] => [
        '/api/v1/generate/t2v',
        t2v(`fox${bad}`),
        400,
      ]),
    ];
    let broken = 0;
    for (const [path, body, expected] of cases) {
      const answer = await send(emu, path, { method: 'POST', body });
      if (answer.status !== expected) broken++;
    }
    const other = await send(emu, '/api/v1/tasks', { key: OTHER });
    if (other.status !== 200 || JSON.parse(other.text).tasks.length !== 1) broken++;
    const logBytes = emu.requests.reduce((sum, request) => sum + request.body.length, 0);
    expect(emu.requests.length).toBeLessThanOrEqual(50);
    expect(logBytes).toBeLessThanOrEqual(2_097_152);
    expect(emu.tasks(KEY)).toHaveLength(0);
    expect(broken).toBe(0);
    count(ctx, 'Emulator limits', { cases: cases.length + 1, emulatorBreaks: broken });
  });

  it("keeps one key's flood of big tasks from breaking another key's answers", async (ctx) => {
    await using emu = await emulator({
      apiKeys: [KEY, OTHER],
      maxBodyBytes: 262_144,
      maxTaskBytesPerKey: 1_048_576,
    });
    const kept = await send(emu, '/api/v1/generate/t2v', {
      method: 'POST',
      key: OTHER,
      body: t2v('other key'),
    });
    const keptId = JSON.parse(kept.text).taskId as string;
    let broken = 0;
    for (let i = 0; i < 30; i++) {
      const answer = await send(emu, '/api/v1/generate/i2v', { method: 'POST', body: bigImage(200_000) });
      // 200 while finished tasks can be forgotten, 413 when the key's unfinished ones fill its budget.
      if (answer.status !== 200 && answer.status !== 413) broken++;
      const list = await send(emu, '/api/v1/tasks');
      if (list.status !== 200) broken++;
    }
    const theirs = await send(emu, `/api/v1/tasks/${keptId}`, { key: OTHER });
    if (theirs.status !== 200) broken++;
    expect(broken).toBe(0);
    count(ctx, 'Emulator limits', { cases: 61, emulatorBreaks: broken });
  });

  it('answers bad percent-encoding with 400 and refuses fault rules, speeds and delays that would break it', async (ctx) => {
    await using emu = await emulator({ faultControl: true });
    let broken = 0;
    const paths = [
      '/api/v1/tasks/%ZZ',
      '/api/v1/tasks/%E0%A4%A',
      '/api/v1/tasks/%/status',
      '/api/v1/tasks/a%2/cancel',
    ];
    for (const path of paths) {
      const answer = await send(emu, path, { method: path.endsWith('cancel') ? 'PUT' : 'GET' });
      if (answer.status !== 400 || emu.requests.at(-1)?.status !== 400) broken++;
    }
    const rules = [
      { kind: 'error-before', match: { method: 42 } },
      { kind: 'error-before', match: { method: ['POST'] } },
      { kind: 'error-before', match: { path: 7 } },
      { kind: 'latency', delayMs: 2 ** 31 },
      { kind: 'latency', delayMs: Number.MAX_SAFE_INTEGER },
    ];
    for (const rule of rules) {
      const answer = await send(emu, '/__emulator/faults', { method: 'POST', body: JSON.stringify(rule) });
      if (answer.status !== 400) broken++;
    }
    if ((await send(emu, '/api/v1/tasks')).status !== 200) broken++;
    for (const speed of [0.0000001, 1e-300]) {
      const started = await startEmulator({ speed }).then(
        (running) => running.close().then(() => true),
        () => false,
      );
      if (started) broken++;
    }
    expect(broken).toBe(0);
    count(ctx, 'Emulator limits', { cases: paths.length + rules.length + 3, emulatorBreaks: broken });
  });

  it('ends a webhook attempt whose receiver drips its answer, and warns about a port fetch() refuses', async (ctx) => {
    const receiver = createServer((req, res) => {
      req.resume();
      res.writeHead(200);
      const drip = setInterval(() => res.write('.'), 20);
      res.on('close', () => clearInterval(drip));
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    let broken = 0;
    try {
      await using emu = await emulator();
      const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      const answer = await fetch(`${emu.url}/api/v1/generate/t2v`, {
        method: 'POST',
        headers: { key: KEY, webhookUrl: hook, 'content-type': 'application/json' },
        body: t2v('drip'),
      });
      if (answer.status !== 200) broken++;
      await until(
        () => emu.webhooks.some((delivery) => delivery.error !== undefined),
        'a failed attempt',
        10_000,
      );
    } finally {
      receiver.closeAllConnections();
      await new Promise((resolve) => receiver.close(resolve));
    }
    const warnings: string[] = [];
    for (const port of [6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080]) {
      const emu = await startEmulator({ port, onWarning: (message) => warnings.push(message) }).catch(
        () => undefined,
      );
      if (!emu) continue;
      await emu.close();
      break;
    }
    if (warnings.length !== 1) broken++;
    expect(broken).toBe(0);
    count(ctx, 'Emulator limits', { cases: 2, emulatorBreaks: broken });
  });
});
