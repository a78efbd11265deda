// Aborting a client call at each of its stages rejects with the signal's reason within 100 ms (after the
// paid POST may have reached the server: SubmitAbortedError, caused by that reason): before
// sending, while sending, in a 429 pause, in a retry backoff, between reconcile lookups, waiting on an
// identical send, in the rate limiter, in every part of a wait, and in a tool. After each, the leak guard
// checks that no timer or socket keeps the process alive.
import { type AIVideoMaker, isAbortError, SubmitAbortedError } from '@aivideomaker/core';
import { createVideoToolSpecs } from '@aivideomaker/core/tools';
import type { Emulator } from '@aivideomaker/emulator';
import { describe, expect, it } from 'vitest';
import { KEY } from './support/constants';
import { count } from './support/figures';
import { arrived, clientFor, emulator, uniquePrompt, until } from './support/harness';
import { inputFor } from './support/inputs';

const LIMIT_MS = 100;
const POST = { method: 'POST', path: '/api/v1/generate' };
const STATUS = { method: 'GET', path: /\/status$/ };
const FINAL_GET = { method: 'GET', path: /^\/api\/v1\/tasks\/[^/]+$/ };

interface Stage {
  name: string;
  speed?: number;
  /** The paid POST may have reached the server: the rejection is SubmitAbortedError, caused by the reason. */
  afterSend?: boolean;
  /** Reconciliation through tasks.list() is the stage: a server without the live additions. */
  seed?: boolean;
  /** Starts the call with the signal; `reached` resolves once the call is in the stage to abort. */
  start(ctx: { emu: Emulator; client: AIVideoMaker; lines: string[]; signal: AbortSignal }): {
    call: Promise<unknown>;
    reached: () => Promise<void>;
  };
  /** What must hold after the rejection (e.g. the queued task was cancelled). */
  after?(emu: Emulator): Promise<void>;
}

const t2v = () => inputFor('t2v', uniquePrompt('abort'));
async function submitted(client: AIVideoMaker): Promise<string> {
  return (await client.generate('t2v', t2v())).taskId;
}

const STAGES: Stage[] = [
  {
    name: 'generate, already aborted',
    start: ({ client, signal }) => ({
      call: client.generate('t2v', t2v(), { signal }),
      reached: async () => {},
    }),
    after: async (emu) => expect(emu.requests).toEqual([]),
  },
  {
    name: 'generate, while sending',
    afterSend: true,
    start: ({ emu, client, signal }) => {
      emu.faults.add({ kind: 'latency', delayMs: 5_000, match: POST });
      return {
        call: client.generate('t2v', t2v(), { signal }),
        reached: () => until(() => arrived(emu, 'POST', /generate/), 'the POST'),
      };
    },
  },
  {
    name: 'generate, in a 429 pause',
    start: ({ emu, client, lines, signal }) => {
      emu.faults.add({ kind: 'rate-limit', retryAfter: '5', match: POST });
      return {
        call: client.generate('t2v', t2v(), { signal }),
        reached: () => until(() => lines.some((line) => line.includes('resending in')), 'the 429 pause'),
      };
    },
  },
  {
    name: 'generate, between reconcile lookups',
    afterSend: true,
    seed: true,
    start: ({ emu, client, signal }) => {
      emu.faults.add({ kind: 'error-before', status: 503, match: POST });
      return {
        call: client.generate('t2v', t2v(), { signal }),
        reached: () => until(() => arrived(emu, 'GET', /^\/api\/v1\/tasks$/, true), 'the first lookup'),
      };
    },
  },
  {
    name: 'generate, waiting for an identical send to be answered',
    afterSend: true,
    seed: true,
    start: ({ emu, client, signal }) => {
      // The first POST fails after creating its task; the second is held 3 s, so the first call's lookup
      // waits for it. Only the waiting call is aborted; the held one is let go when the emulator closes.
      emu.faults.add({ kind: 'error-after', match: POST });
      emu.faults.add({ kind: 'latency', delayMs: 3_000, match: POST });
      const input = t2v();
      const held = new AbortController();
      const waiting = client.generate('t2v', input, { signal });
      const other = client.generate('t2v', input, { signal: held.signal }).catch(() => undefined);
      return {
        call: waiting.finally(() => {
          held.abort();
          return other;
        }),
        reached: () => until(() => arrived(emu, 'GET', /^\/api\/v1\/tasks$/, true), 'the lookup'),
      };
    },
  },
  {
    name: 'list, waiting for a rate-limit slot',
    start: ({ emu, signal }) => {
      const client = clientFor(emu, { rateLimit: { limit: 1, windowMs: 60_000 } });
      const first = client.tasks.list();
      return {
        call: first.then(() => client.tasks.list({ signal })),
        reached: async () => {
          await first;
          await new Promise((resolve) => setTimeout(resolve, 20));
          expect(emu.requests).toHaveLength(1);
        },
      };
    },
  },
  {
    name: 'get, in a retry backoff',
    start: ({ emu, client, signal }) => {
      emu.faults.add({ kind: 'error-before', status: 503, times: Infinity, match: { method: 'GET' } });
      return {
        call: client.tasks.get('ck1', { signal }),
        reached: () => until(() => arrived(emu, 'GET', /ck1$/, true), 'the first 503'),
      };
    },
  },
  {
    name: 'status, while sending',
    start: ({ emu, client, signal }) => {
      emu.faults.add({ kind: 'latency', delayMs: 5_000, match: STATUS });
      return {
        call: client.tasks.status('ck1', { signal }),
        reached: () => until(() => arrived(emu, 'GET', /status$/), 'the status request'),
      };
    },
  },
  {
    name: 'cancel, while sending',
    start: ({ emu, client, signal }) => {
      emu.faults.add({ kind: 'latency', delayMs: 5_000, match: { method: 'PUT' } });
      return {
        call: client.tasks.cancel('ck1', { signal }),
        reached: () => until(() => arrived(emu, 'PUT', /cancel$/), 'the cancel request'),
      };
    },
  },
  {
    name: 'wait, between polls',
    speed: 1,
    start: ({ emu, signal }) => {
      const client = clientFor(emu, { poll: { minIntervalMs: 10_000, maxIntervalMs: 10_000 } });
      return {
        call: submitted(client).then((id) => client.tasks.wait(id, { signal })),
        reached: () => until(() => arrived(emu, 'GET', /status$/, true), 'the first poll'),
      };
    },
  },
  {
    name: 'wait, while polling',
    speed: 1,
    start: ({ emu, client, signal }) => {
      emu.faults.add({ kind: 'latency', delayMs: 5_000, match: STATUS });
      return {
        call: submitted(client).then((id) => client.tasks.wait(id, { signal })),
        reached: () => until(() => arrived(emu, 'GET', /status$/), 'the poll'),
      };
    },
  },
  {
    name: 'wait, fetching the finished task',
    start: ({ emu, client, signal }) => {
      emu.faults.add({ kind: 'latency', delayMs: 5_000, match: FINAL_GET });
      return {
        call: submitted(client).then((id) => client.tasks.wait(id, { signal })),
        reached: () => until(() => arrived(emu, 'GET', /^\/api\/v1\/tasks\/ck\w+$/), 'the final fetch'),
      };
    },
  },
  {
    name: 'wait with cancelOnAbort, task queued',
    speed: 1,
    start: ({ emu, client, signal }) => ({
      call: submitted(client).then((id) => client.tasks.wait(id, { signal, cancelOnAbort: true })),
      reached: () => until(() => arrived(emu, 'GET', /status$/, true), 'the first poll'),
    }),
    after: async (emu) => {
      await until(() => emu.tasks(KEY)[0]?.status === 'CANCEL', 'the cancel');
      expect(emu.ledger.entries(KEY).map((entry) => entry.kind)).toEqual(['charge', 'refund']);
    },
  },
  {
    name: 'run, while generating',
    afterSend: true,
    start: ({ emu, client, signal }) => {
      emu.faults.add({ kind: 'latency', delayMs: 5_000, match: POST });
      return {
        call: client.run('t2v', t2v(), { signal }),
        reached: () => until(() => arrived(emu, 'POST', /generate/), 'the POST'),
      };
    },
  },
  {
    name: 'run, while waiting',
    speed: 1,
    start: ({ emu, client, signal }) => ({
      call: client.run('t2v', t2v(), { signal }),
      reached: () => until(() => arrived(emu, 'GET', /status$/, true), 'the first poll'),
    }),
  },
  {
    name: 'text_to_video tool, while waiting (cancels the queued task)',
    speed: 1,
    start: ({ emu, client, signal }) => {
      const [tool] = createVideoToolSpecs({ client, pick: ['text_to_video'] });
      return {
        call: tool!.execute({ prompt: uniquePrompt('tool abort') }, { signal }),
        reached: () => until(() => arrived(emu, 'GET', /status$/, true), 'the first poll'),
      };
    },
    after: async (emu) => until(() => emu.tasks(KEY)[0]?.status === 'CANCEL', 'the cancel'),
  },
];

async function abortAt(stage: Stage): Promise<number> {
  await using emu = await emulator({
    ...(stage.speed ? { speed: stage.speed } : {}),
    ...(stage.seed ? ({ api: 'seed' } as const) : {}),
  });
  const lines: string[] = [];
  const client = clientFor(emu, {
    logger: { debug: (line) => lines.push(line) },
    ...(stage.speed === 1 ? { rateLimit: { limit: 60, windowMs: 60_000 } } : {}),
    reconcile: { lookupDelaysMs: [5_000] },
  });
  const controller = new AbortController();
  const reason = new Error(`aborted: ${stage.name}`);
  if (stage.name.includes('already aborted')) controller.abort(reason);
  const { call, reached } = stage.start({ emu, client, lines, signal: controller.signal });
  let rejectedAt = 0;
  const settled = call.then(
    () => {
      throw new Error('resolved after the abort');
    },
    (error: unknown) => {
      rejectedAt = performance.now();
      return error;
    },
  );
  await reached();
  const abortedAt = performance.now();
  controller.abort(reason);
  const rejection = await settled;
  if (stage.afterSend) {
    // The task may exist: the rejection says so, is still an abort, and carries the reason.
    expect(rejection).toBeInstanceOf(SubmitAbortedError);
    expect(isAbortError(rejection)).toBe(true);
    expect((rejection as Error).cause).toBe(reason);
  } else expect(rejection).toBe(reason);
  await stage.after?.(emu);
  return Math.max(0, rejectedAt - abortedAt);
}

describe('aborting a client call', () => {
  it.for(STAGES)('$name rejects with the reason within 100 ms', async (stage, ctx) => {
    const ms = await abortAt(stage);
    count(ctx, 'Abort and shutdown', { cases: 1, slowestAbortMs: ms });
    expect(ms).toBeLessThan(LIMIT_MS);
  });
});
