// Drives each task SUBMITTED -> PROGRESS -> COMPLETED (or FAILED) on timers compressed by `speed`, and
// applies the side effects of every status change: refunds, completion time, output, webhook.
import type { Ledger } from './ledger';
import { processingMs, TIMINGS } from './models';
import { outputOf, type TaskRecord, type TaskStatus } from './tasks';
import type { Timers } from './timers';
import type { WebhookSender } from './webhooks';

/** A prompt containing this marker makes its task end FAILED (refunded) after PROGRESS. */
export const FAIL_MARKER = '[fail]';

export interface LifecycleDeps {
  timers: Timers;
  ledger: Ledger;
  webhooks: WebhookSender;
  speed: number;
  failureRate: number;
  random: () => number;
  baseUrl: () => string;
  /** Default (live) mode: outputs in api-live.md's shape. */
  live: boolean;
}

export class Lifecycle {
  readonly #pending = new Map<string, () => void>();

  constructor(private readonly deps: LifecycleDeps) {}

  /** Schedules a freshly created (SUBMITTED, charged) task through to its end. */
  start(task: TaskRecord): void {
    this.deps.webhooks.notify(task);
    // Draw for every task, failing or not, so a seed yields the same sequence whatever the prompts.
    const unlucky = this.deps.random() < this.deps.failureRate;
    const fails = unlucky || hasFailMarker(task.input.prompt ?? task.input.content);
    const { speed } = this.deps;
    const renderMs = processingMs(task.model, task.input) / speed;
    this.#after(task, TIMINGS[task.model].queueMs / speed, () => {
      this.#transition(task, 'PROGRESS');
      // A failing render gives up half way; a good one runs to the end.
      this.#after(task, fails ? renderMs / 2 : renderMs, () => {
        this.#transition(task, fails ? 'FAILED' : 'COMPLETED');
      });
    });
  }

  /** Cancels a task that is still SUBMITTED; false for any other status. */
  cancel(task: TaskRecord): boolean {
    if (task.status !== 'SUBMITTED') return false;
    this.#pending.get(task.id)?.();
    this.#pending.delete(task.id);
    this.#transition(task, 'CANCEL');
    return true;
  }

  #after(task: TaskRecord, ms: number, step: () => void): void {
    this.#pending.set(
      task.id,
      this.deps.timers.set(() => {
        this.#pending.delete(task.id);
        step();
      }, ms),
    );
  }

  #transition(task: TaskRecord, status: TaskStatus): void {
    task.status = status;
    task.output = outputOf(task, this.deps.baseUrl(), this.deps.live);
    if (status === 'COMPLETED' || status === 'FAILED' || status === 'CANCEL') {
      task.completedAt = new Date().toISOString();
    }
    if (status === 'FAILED' || status === 'CANCEL') {
      this.deps.ledger.refund(task.key, task.id, task.credits);
      task.creditsRefunded = task.credits;
    }
    this.deps.webhooks.notify(task);
  }
}

function hasFailMarker(prompt: unknown): boolean {
  const prompts = Array.isArray(prompt) ? prompt : [prompt];
  return prompts.some((text) => typeof text === 'string' && text.includes(FAIL_MARKER));
}
