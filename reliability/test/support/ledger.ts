// The emulator's books after a case: every task charged exactly once, refunded at most once and only when
// it ended FAILED or CANCEL, and no call (one unique prompt per call) with more than one task.
import type { Emulator } from '@aivideomaker/emulator';
import { expect } from 'vitest';
import { KEY } from './constants';

export interface LedgerAudit {
  tasks: number;
  charged: number;
  refunded: number;
  /** Calls that made more than one task, plus tasks charged or refunded more than once. */
  duplicates: number;
  problems: string[];
}

export function auditLedger(emu: Emulator): LedgerAudit {
  const tasks = emu.tasks(KEY);
  const entries = emu.ledger.entries(KEY);
  const problems: string[] = [];
  let duplicates = 0;
  const byInput = new Map<string, number>();
  for (const task of tasks) {
    const input = JSON.stringify(task.input);
    byInput.set(input, (byInput.get(input) ?? 0) + 1);
    const charges = entries.filter((entry) => entry.taskId === task.id && entry.kind === 'charge');
    const refunds = entries.filter((entry) => entry.taskId === task.id && entry.kind === 'refund');
    if (charges.length !== 1) problems.push(`task ${task.id} charged ${charges.length} times`);
    if (charges.length > 1 || refunds.length > 1) duplicates++;
    const refundable = task.status === 'FAILED' || task.status === 'CANCEL';
    if (refunds.length !== (refundable ? 1 : 0)) {
      problems.push(`task ${task.id} (${task.status}) refunded ${refunds.length} times`);
    }
  }
  for (const [input, count] of byInput) {
    if (count > 1) {
      duplicates++;
      problems.push(`${count} tasks for one call (${input})`);
    }
  }
  const sum = (kind: 'charge' | 'refund') =>
    entries.filter((entry) => entry.kind === kind).reduce((total, entry) => total + entry.amount, 0);
  return { tasks: tasks.length, charged: sum('charge'), refunded: sum('refund'), duplicates, problems };
}

/** Asserts the books are sound and that the case made exactly `tasks` tasks; returns the audit. */
export function expectSoundLedger(emu: Emulator, tasks: number): LedgerAudit {
  const audit = auditLedger(emu);
  expect(audit.problems).toEqual([]);
  expect(audit.tasks).toBe(tasks);
  return audit;
}
