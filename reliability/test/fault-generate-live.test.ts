// The fault matrix of the paid POST against a server with the live additions: every fault after which
// the task may exist is resolved by resending with the same Idempotency-Key (after one probe of the
// account route), never by the list-based lookup: one task per call, charged once, and the answer is the
// server's task.
import type { Fault } from '@aivideomaker/emulator';
import { describe, expect, it } from 'vitest';
import { runCases } from './support/cases';
import { KEY } from './support/constants';
import { count } from './support/figures';
import { clientFor, emulator, generatePosts, LIVE_EMULATOR, uniquePrompt, until } from './support/harness';
import { inputFor } from './support/inputs';
import { expectSoundLedger } from './support/ledger';

const POST = { method: 'POST', path: '/api/v1/generate' };

const CASES: { name: string; fault: Fault; timeoutMs?: number }[] = [
  ...(['error-after', 'error-before'] as const).flatMap((kind) =>
    [500, 502, 503].map((status) => ({ name: `${kind} ${status}`, fault: { kind, status, match: POST } })),
  ),
  { name: 'reset before the work', fault: { kind: 'reset', match: POST } },
  { name: 'reset after the work', fault: { kind: 'reset-after', match: POST } },
  { name: 'malformed JSON after the work', fault: { kind: 'malformed-json', match: POST } },
  { name: 'HTML page', fault: { kind: 'html-error', match: POST } },
  {
    name: 'timeout, created late',
    fault: { kind: 'latency', delayMs: 2_500, match: POST },
    timeoutMs: 1_000,
  },
];

describe.skipIf(!LIVE_EMULATOR)('generate under faults, on a server that honours Idempotency-Key', () => {
  it('resends with the same key: one task, one charge, no lookup through tasks.list()', async (ctx) => {
    await runCases(CASES, async ({ name, fault, timeoutMs }) => {
      await using emu = await emulator();
      emu.faults.add(fault);
      const client = clientFor(emu, timeoutMs ? { timeoutMs } : {});
      const result = await client.generate('t2v', inputFor('t2v', uniquePrompt(`live ${name}`)));
      // A POST the emulator still holds (latency) gets through later and must replay, not create.
      if (fault.kind === 'latency')
        await new Promise((resolve) => setTimeout(resolve, 2 * (fault.delayMs ?? 0)));
      await until(() => generatePosts(emu).length >= 1, 'the POSTs');
      expect(generatePosts(emu).length).toBeLessThanOrEqual(2);
      expect(result.reconciled).toBeUndefined();
      expect(emu.tasks(KEY).map((task) => task.id)).toEqual([result.taskId]);
      expect(new Set(generatePosts(emu).map((r) => r.headers['idempotency-key']))).toEqual(
        new Set([result.idempotencyKey]),
      );
      expect(emu.requests.filter((r) => r.path === '/api/v1/tasks')).toHaveLength(0);
      expect(emu.requests.filter((r) => r.path === '/api/v1/account')).toHaveLength(1);
      expectSoundLedger(emu, 1);
    });
    count(ctx, 'Fault matrix', { cases: CASES.length, faults: CASES.length });
  });
});
