// The paid POST is never resent when it may have reached the server: no second task, no second charge.
import type { Emulator } from '@aivideomaker/emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AIVideoMaker, ConnectionError, TaskMayExistError } from '../src/index';
import { clientFor, emulator, KEY, T2V } from './helpers';

let emu: Emulator;
beforeAll(async () => {
  // The list-based reconciliation: a server with the documented API only (live.test.ts covers the resends
  // with the same Idempotency-Key that a server with the live additions allows).
  emu = await emulator({ api: 'seed' });
});
afterAll(() => emu.close());
afterEach(() => {
  emu.faults.clear();
  emu.clearRequests();
});

const POST = { method: 'POST', path: '/api/v1/generate' };
const posts = () => emu.requests.filter((r) => r.method === 'POST');
const charges = (taskId?: string) =>
  emu.ledger.entries(KEY).filter((e) => e.kind === 'charge' && (taskId === undefined || e.taskId === taskId));

describe('generate never charges twice', () => {
  for (const kind of ['error-after', 'reset-after', 'malformed-json'] as const) {
    it(`${kind}: finds the created task through tasks.list() instead of resending`, async () => {
      const client = clientFor(emu);
      const before = emu.tasks(KEY).length;
      emu.faults.add({ kind, match: POST });
      const prompt = `reconcile ${kind}`;
      const result = await client.generate('t2v', { ...T2V, prompt });
      expect(result.reconciled).toBe(true);
      expect(posts()).toHaveLength(1);
      expect(emu.tasks(KEY)).toHaveLength(before + 1);
      const created = emu.tasks(KEY).find((task) => task.input.prompt === prompt)!;
      expect(result).toMatchObject({
        taskId: created.id,
        statusUrl: `${emu.url}/api/v1/tasks/${created.id}/status`,
      });
      expect(charges(created.id)).toHaveLength(1);
    });
  }

  it('two identical lost submissions are matched to two different tasks', async () => {
    const client = clientFor(emu);
    emu.faults.add({ kind: 'error-after', match: POST, times: 2 });
    const prompt = 'twins';
    const [a, b] = await Promise.all([
      client.generate('t2v', { ...T2V, prompt }),
      client.generate('t2v', { ...T2V, prompt }),
    ]);
    expect(a.taskId).not.toBe(b.taskId);
    expect(
      new Set(
        emu
          .tasks(KEY)
          .filter((t) => t.input.prompt === prompt)
          .map((t) => t.id),
      ),
    ).toEqual(new Set([a.taskId, b.taskId]));
  });

  it('a lost submission that created nothing throws TaskMayExistError saying how to check', async () => {
    const client = clientFor(emu);
    const before = emu.tasks(KEY).length;
    for (const fault of [
      { kind: 'html-error' as const },
      { kind: 'reset' as const },
      { kind: 'error-before' as const, status: 500 },
    ]) {
      emu.clearRequests();
      emu.faults.add({ ...fault, match: POST });
      const error = await client
        .generate('t2v', { ...T2V, prompt: `lost ${fault.kind}` })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TaskMayExistError);
      expect(error).toMatchObject({ code: 'task_may_exist', model: 't2v' });
      expect((error as Error).message).toMatch(/client\.tasks\.list\(\)/);
      expect(posts()).toHaveLength(1);
    }
    expect(emu.tasks(KEY)).toHaveLength(before);
  });

  it('resends after a 429 (the server did nothing) and after a refused connection', async () => {
    const client = clientFor(emu);
    emu.faults.add({ kind: 'rate-limit', retryAfter: '0', match: POST });
    const result = await client.generate('t2v', { ...T2V, prompt: 'after 429' });
    expect(posts().map((r) => r.status)).toEqual([429, 200]);
    expect(charges(result.taskId)).toHaveLength(1);

    let calls = 0;
    const refused: typeof fetch = async () => {
      calls++;
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      });
    };
    const offline = new AIVideoMaker({
      apiKey: KEY,
      baseUrl: 'http://127.0.0.1:9',
      fetch: refused,
      maxRetries: 2,
    });
    await expect(offline.generate('t2v', T2V)).rejects.toBeInstanceOf(ConnectionError);
    expect(calls).toBe(3);
  });

  it('does not resend a POST whose connection was reset (unlike reads)', async () => {
    let calls = 0;
    const reset: typeof fetch = async () => {
      calls++;
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
      });
    };
    const options = {
      apiKey: KEY,
      baseUrl: 'http://127.0.0.1:9',
      rateLimit: false,
      reconcile: { lookupDelaysMs: [] },
    } as const;
    const seen: string[] = [];
    const client = new AIVideoMaker({
      ...options,
      fetch: (input, init) => {
        seen.push(`${init?.method} ${new URL(String(input)).pathname}`);
        return reset(input, init);
      },
      maxRetries: 0,
    });
    await expect(client.generate('t2v', T2V)).rejects.toBeInstanceOf(TaskMayExistError);
    // One POST, the one-time question whether the server honours Idempotency-Key (its account route;
    // unanswered here), then one lookup through tasks.list(): never a second POST.
    expect(seen).toEqual(['POST /api/v1/generate/t2v', 'GET /api/v1/account', 'GET /api/v1/tasks']);
    expect(calls).toBe(3);
    const postCalls: string[] = [];
    const spy: typeof fetch = async (input, init) => {
      postCalls.push(String(init?.method));
      return reset(input, init);
    };
    await new AIVideoMaker({ ...options, fetch: spy, maxRetries: 1 })
      .generate('t2v', T2V)
      .catch(() => undefined);
    expect(postCalls.filter((method) => method === 'POST')).toHaveLength(1);
  });
});
