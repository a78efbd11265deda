// Confirms webhook hints with as few authenticated requests as possible. Hints that arrive together, or
// while a confirmation is due or on its way, are confirmed together with one GET /api/v1/tasks (the list
// holds full tasks); a lone hint, or an id the list does not hold, gets its own GET /api/v1/tasks/{id}.
// One confirmation is in flight at a time, paced by webhook-pace.ts and sent through the client's rate
// limiter. An end state is final, so one a confirmation already returned answers later hints for that
// task (a webhook that arrives after the list that proved it, a retry, a duplicate) without a request.
// Every task a confirmation returned feeds the client's waits, so a wait ends at the first proof.
import type { AIVideoMaker } from './client';
import { DEFAULT_RATE_LIMIT, type RateLimitOptions } from './http/rate-limiter';
import { isTerminalStatus } from './models';
import type { Task } from './responses';
import { ConfirmationPace } from './webhook-pace';

interface Waiting {
  resolve(task: Task): void;
  reject(error: unknown): void;
}

/** What a webhook handler may do to the client it confirms with. */
interface WebhookTarget {
  /** Feeds an authenticated-but-unconfirmed hint to the client's watcher (polling backs off). */
  hint(taskId: string): void;
  /** The client's rate limit, which paces confirmations. */
  rateLimit: RateLimitOptions | false;
}

const REMEMBERED_ENDS = 1000;
const targets = new WeakMap<AIVideoMaker, WebhookTarget>();
const confirmers = new WeakMap<AIVideoMaker, TaskConfirmer>();

/** Called by the client: lets webhook handlers nudge its watcher without a public method. */
export function registerWebhookTarget(client: AIVideoMaker, target: WebhookTarget): void {
  targets.set(client, target);
}

/** Hints the client's watcher; a no-op for a client from another copy of this package. */
export function hintTask(client: AIVideoMaker, taskId: string): void {
  targets.get(client)?.hint(taskId);
}

/** The one confirmer of a client, shared by all its webhook handlers. */
export function confirmerOf(client: AIVideoMaker): TaskConfirmer {
  let confirmer = confirmers.get(client);
  if (!confirmer) {
    confirmer = new TaskConfirmer(client, targets.get(client)?.rateLimit ?? DEFAULT_RATE_LIMIT);
    confirmers.set(client, confirmer);
  }
  return confirmer;
}

export class TaskConfirmer {
  readonly #client: AIVideoMaker;
  readonly #pace: ConfirmationPace;
  /** Hints received since the last confirmation was sent. */
  #pending = new Map<string, Waiting[]>();
  /** End states confirmations returned, by task id (the most recent ones). */
  readonly #ended = new Map<string, Task>();
  #running = false;

  constructor(client: AIVideoMaker, rateLimit: RateLimitOptions | false) {
    this.#client = client;
    this.#pace = new ConfirmationPace(rateLimit);
  }

  /** The task's state as the API reports it now (fetched after this call); rejects like tasks.get. */
  confirm(taskId: string): Promise<Task> {
    const ended = this.#ended.get(taskId);
    if (ended) return Promise.resolve(ended);
    return new Promise((resolve, reject) => {
      const waiting = this.#pending.get(taskId);
      if (waiting) waiting.push({ resolve, reject });
      else this.#pending.set(taskId, [{ resolve, reject }]);
      if (this.#running) return;
      this.#running = true;
      // One macrotask: hints handled in the same moment share the first request too.
      setTimeout(() => void this.#drain(), 0);
    });
  }

  async #drain(): Promise<void> {
    while (this.#pending.size > 0) {
      const delayMs = this.#pace.delayMs();
      // Hints arriving meanwhile join this batch; a webhook request is open for each, so this timer is too.
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      this.#pace.sent();
      const batch = this.#pending;
      this.#pending = new Map();
      try {
        await (batch.size === 1 ? this.#confirmEach(batch) : this.#confirmListed(batch));
      } catch (error) {
        // Whatever went wrong, no hint is left hanging (settled promises ignore this).
        for (const waiting of batch.values()) for (const { reject } of waiting) reject(error);
      }
    }
    this.#running = false;
  }

  async #confirmListed(batch: Map<string, Waiting[]>): Promise<void> {
    const tasks = await this.#client.tasks.list();
    const missing = new Map<string, Waiting[]>();
    const listed = new Map(tasks.map((task) => [task.id, task]));
    for (const task of tasks) this.#confirmed(task);
    for (const [taskId, waiting] of batch) {
      const task = listed.get(taskId);
      if (task) for (const { resolve } of waiting) resolve(task);
      else missing.set(taskId, waiting);
    }
    // Not in the list (an API that pages, or an unknown id): asked one by one.
    await this.#confirmEach(missing);
  }

  async #confirmEach(batch: Map<string, Waiting[]>): Promise<void> {
    await Promise.all(
      [...batch].map(async ([taskId, waiting]) => {
        try {
          const task = await this.#client.tasks.get(taskId);
          this.#confirmed(task);
          for (const { resolve } of waiting) resolve(task);
        } catch (error) {
          for (const { reject } of waiting) reject(error);
        }
      }),
    );
  }

  #confirmed(task: Task): void {
    this.#client.observeTask(task);
    if (!isTerminalStatus(task.status) || (task.status === 'COMPLETED' && task.output == null)) return;
    this.#ended.set(task.id, task);
    if (this.#ended.size > REMEMBERED_ENDS) this.#ended.delete(this.#ended.keys().next().value as string);
  }
}
