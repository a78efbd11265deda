// The documented exit codes, each produced by the situation it names, with --json error objects.

import { createServer } from 'node:net';
import type { Emulator } from '@aivideomaker/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY, emulator, paidRequests, run } from './helpers';

const t2v = (prompt: string, ...extra: string[]) => [
  'generate',
  't2v',
  '--prompt',
  prompt,
  '--aspect-ratio',
  '1:1',
  '--duration',
  '5',
  ...extra,
];

let fast: Emulator;
let slow: Emulator; // real-time lifecycle: tasks stay SUBMITTED for 3 s
beforeAll(async () => {
  [fast, slow] = await Promise.all([emulator(), emulator({ speed: 1 })]);
});
afterAll(async () => {
  await Promise.all([fast.close(), slow.close()]);
});

describe('exit codes', () => {
  it('3 without a key: says where to get one and how to use the emulator, sends nothing', async () => {
    fast.clearRequests();
    const result = await run(t2v('x'), fast, { env: { AIVIDEOMAKER_BASE_URL: fast.url } });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('https://aivideomaker.ai');
    expect(result.stderr).toContain('npx @aivideomaker/emulator');
    expect(result.stderr).toContain('AIVIDEOMAKER_BASE_URL=http://127.0.0.1:4010');
    expect(fast.requests).toHaveLength(0);
  });

  it('3 when the key is rejected', async () => {
    const result = await run(['list', '--json'], fast, {
      env: { AIVIDEOMAKER_API_KEY: 'wrong-key', AIVIDEOMAKER_BASE_URL: fast.url },
    });
    expect(result.code).toBe(3);
    expect(result.json()).toEqual({
      error: expect.objectContaining({ code: 'authentication_failed', exitCode: 3 }),
    });
    expect(result.stderr).not.toContain('wrong-key');
  });

  it('4 when the balance does not cover the task', async () => {
    fast.ledger.setBalance(API_KEY, 3);
    const result = await run(t2v('x', '--json'), fast);
    fast.ledger.setBalance(API_KEY, 1000);
    expect(result.code).toBe(4);
    expect(result.json().error).toMatchObject({ code: 'insufficient_credits', exitCode: 4 });
    expect(result.stderr).toContain('Top up at https://aivideomaker.ai');
  });

  it('5 when the task fails (refunded), with the task id', async () => {
    const result = await run(t2v('this one will [fail]', '--wait', '--json'), fast);
    expect(result.code).toBe(5);
    const error = result.json().error as Record<string, unknown>;
    expect(error).toMatchObject({
      code: 'task_failed',
      exitCode: 5,
      taskId: expect.any(String),
      status: 'FAILED',
    });
    expect(result.stderr).toContain('refunded');
  });

  it('6 when the wait times out: the task keeps running and the message says how to resume', async () => {
    const result = await run(t2v('slow', '--wait', '--timeout', '0.2', '--json'), slow);
    expect(result.code).toBe(6);
    const { taskId } = result.json().error as { taskId: string };
    expect(result.stderr).toContain(`aivideomaker wait ${taskId} --out videos/`);
    expect(slow.tasks(API_KEY).find((task) => task.id === taskId)?.status).toMatch(/SUBMITTED|PROGRESS/);
  });

  it('7 when nothing answers at the base URL, with a hint to start the emulator', async () => {
    const port = await closedPort();
    const result = await run(['status', 'abc'], undefined, {
      env: { AIVIDEOMAKER_API_KEY: API_KEY, AIVIDEOMAKER_BASE_URL: `http://127.0.0.1:${port}` },
    });
    expect(result.code).toBe(7);
    expect(result.stderr).toContain('npx @aivideomaker/emulator');
  });

  it('7 on server errors', async () => {
    fast.faults.add({ kind: 'error-before', status: 503, match: { method: 'GET' }, times: 10 });
    const result = await run(['list', '--json'], fast);
    fast.faults.clear();
    expect(result.code).toBe(7);
    expect(result.json().error).toMatchObject({ code: 'server_error', exitCode: 7 });
  });

  it('2 for an unknown task id and for cancelling a task that already started', async () => {
    expect((await run(['status', 'no-such-task'], fast)).code).toBe(2);
    const taskId = (await run(t2v('x', '--json'), fast)).json().taskId as string;
    await run(['wait', taskId], fast);
    const late = await run(['cancel', taskId, '--json'], fast);
    expect(late.code).toBe(2);
    expect(late.json().error).toMatchObject({ code: 'conflict' });
  });

  it('cancel stops a SUBMITTED task and its credits come back', async () => {
    const before = slow.ledger.balance(API_KEY);
    const taskId = (await run(t2v('x', '--json'), slow)).json().taskId as string;
    const result = await run(['cancel', taskId, '--json'], slow);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json()).toMatchObject({ taskId, status: 'CANCEL' });
    expect(slow.ledger.balance(API_KEY)).toBe(before);
  });
});

describe('confirmation above --max-credits', () => {
  const v3 = ['generate', 't2v_v3', '--prompt', 'x', '--aspect-ratio', '16:9', '--duration', '10'];

  it('8 when not interactive and not confirmed: nothing is sent', async () => {
    fast.clearRequests();
    const result = await run([...v3, '--json'], fast);
    expect(result.code).toBe(8);
    expect(result.json().error).toMatchObject({
      code: 'confirmation_required',
      credits: 100,
      maxCredits: 20,
    });
    expect(result.stderr).toContain('--yes');
    expect(paidRequests(fast)).toHaveLength(0);
  });

  it('runs with --yes, or when --max-credits covers the cost', async () => {
    expect((await run([...v3, '--yes'], fast)).code).toBe(0);
    expect((await run([...v3, '--max-credits', '100'], fast)).code).toBe(0);
  });

  it('asks on a terminal: "n" spends nothing, "y" submits', async () => {
    fast.clearRequests();
    const no = await run(v3, fast, { tty: true, input: 'n\n' });
    expect(no.code).toBe(8);
    expect(no.stderr).toMatch(
      /This t2v_v3 task costs 100 credits \((server quote|list-price estimate; the server gives no quote)\)\. Spend them\? \[y\/N\]/,
    );
    expect(paidRequests(fast)).toHaveLength(0);
    const yes = await run(v3, fast, { tty: true, input: 'y\n' });
    expect(yes.code, yes.stderr).toBe(0);
    expect(paidRequests(fast).map((request) => request.path)).toEqual(['/api/v1/generate/t2v_v3']);
  });
});

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
