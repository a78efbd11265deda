// Aborts against budgets (issue 15 item 1): a paid tool call aborted after its POST may have reached the
// server keeps its credits booked until the task is known, so aborts can never let the server charge
// past a tool set's budget; the abort says the task may exist and how to check. An abort before anything
// was sent gives the booking back. Each case against a slow server, in both emulator modes (the
// documented API only, and with the live additions).
import { isAbortError, SubmitAbortedError } from '@aivideomaker/core';
import { createVideoToolSpecs, formatToolError } from '@aivideomaker/core/tools';
import type { Emulator } from '@aivideomaker/emulator';
import { describe, expect, it } from 'vitest';
import { count } from './support/figures';
import { clientFor, emulator, generatePosts, uniquePrompt, until } from './support/harness';
import { auditLedger } from './support/ledger';

const MODES: Record<string, unknown>[] = [{ api: 'seed' }, {}];
const SLOW = { kind: 'latency', delayMs: 150, match: { method: 'POST', path: '/api/v1/generate' } } as const;
const spent = (emu: Emulator) => auditLedger(emu).charged - auditLedger(emu).refunded;
const t2vTool = (emu: Emulator, budget: number) =>
  createVideoToolSpecs({ client: clientFor(emu), maxCreditsTotal: budget, wait: false }).find(
    (spec) => spec.name === 'text_to_video',
  )!;

/** Runs a tool call, aborting it once its POST has reached the emulator. */
async function abortedAfterSend(emu: Emulator, run: (signal: AbortSignal) => Promise<unknown>) {
  const before = generatePosts(emu).length;
  const controller = new AbortController();
  let ended = false;
  const call = run(controller.signal)
    .catch((error: unknown) => error)
    .finally(() => {
      ended = true;
    });
  await until(
    () => ended || generatePosts(emu).length > before || emu.faults.list().length === 0,
    'the POST',
  );
  controller.abort();
  return call;
}

/** The slow server finishes what it was sent, aborted or not. */
const settled = (emu: Emulator) =>
  until(() => generatePosts(emu).every((r) => r.status !== 0), 'the answers');

describe.each(MODES)('aborts against budgets (api %o)', (mode) => {
  it('one call after another, each aborted after its POST left: never more than the budget', async (ctx) => {
    await using emu = await emulator(mode);
    const t2v = t2vTool(emu, 10);
    const errors: unknown[] = [];
    for (let i = 0; i < 4; i++) {
      emu.faults.add(SLOW);
      errors.push(
        await abortedAfterSend(emu, (signal) => t2v.execute({ prompt: uniquePrompt('abort') }, { signal })),
      );
      emu.faults.clear();
    }
    await settled(emu);
    await until(() => emu.tasks().length >= generatePosts(emu).length, 'the tasks', 2_000).catch(
      () => undefined,
    );
    const kept = errors.filter((error) => error instanceof SubmitAbortedError);
    expect(kept.length).toBe(2);
    for (const error of kept) {
      expect(isAbortError(error)).toBe(true);
      expect(formatToolError(error)).toMatch(/task_may_exist.*may have been created.*list_video_tasks/s);
    }
    expect(errors.slice(2).map((error) => (error as { code?: string }).code)).toEqual([
      'budget_exceeded',
      'budget_exceeded',
    ]);
    count(ctx, 'Aborts against budgets', { cases: 4, overspent: Math.max(0, spent(emu) - 10) });
    expect(spent(emu)).toBeLessThanOrEqual(10);
  });

  it('six calls at once, all aborted after their POSTs left: never more than the budget', async (ctx) => {
    await using emu = await emulator(mode);
    emu.faults.add({ ...SLOW, times: 6 });
    const t2v = t2vTool(emu, 10);
    const controller = new AbortController();
    const calls = Array.from({ length: 6 }, () =>
      t2v
        .execute({ prompt: uniquePrompt('abort together') }, { signal: controller.signal })
        .catch((e: unknown) => e),
    );
    // Every call either got its POST to the server or was refused by the budget.
    await until(() => generatePosts(emu).length >= 2, 'the POSTs');
    controller.abort();
    const errors = await Promise.all(calls);
    await settled(emu);
    expect(errors.filter((error) => error instanceof SubmitAbortedError)).toHaveLength(2);
    count(ctx, 'Aborts against budgets', { cases: 6, overspent: Math.max(0, spent(emu) - 10) });
    expect(spent(emu)).toBeLessThanOrEqual(10);
  });

  it('an abort before anything was sent gives the booking back', async (ctx) => {
    await using emu = await emulator(mode);
    const t2v = t2vTool(emu, 5);
    const controller = new AbortController();
    controller.abort();
    const error = await t2v
      .execute({ prompt: uniquePrompt('never sent') }, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect(error).not.toBeInstanceOf(SubmitAbortedError);
    await expect(t2v.execute({ prompt: uniquePrompt('the whole budget') })).resolves.toMatchObject({
      status: 'SUBMITTED',
    });
    count(ctx, 'Aborts against budgets', { cases: 2, overspent: Math.max(0, spent(emu) - 5) });
    expect(spent(emu)).toBe(5);
  });
});
