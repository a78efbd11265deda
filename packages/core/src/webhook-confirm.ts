// Confirms webhook hints with as few authenticated requests as possible, within a fixed share of the
// rate limit whatever arrives. One pacing rule: confirmations spend tokens from a bucket holding a quarter
// of the client's limit (15 a minute by default, refilled continuously), one request in flight at a
// time, and every request confirms all the hints waiting for it: a lone hint with GET /api/v1/tasks/{id},
// several with one GET /api/v1/tasks, which holds every task of the key (so an id it lacks is unknown,
// answered 404 without a request of its own). A flood of forged hints therefore costs at most the share,
// never a request each. What does not fit is dropped (the handler answers 503, retry later): hints past
// MAX_WAITING, and hints whose next token is more than MAX_HOLD_MS away (the share is spent), so a flood
// holds no request open; a real end dropped this way is still seen by the waits' polling.
// An end state is final, so one a confirmation returned answers later hints for that task without a
// request. Every task a confirmation returned feeds the client's waits, so a wait ends at the first proof.
import type { AIVideoMaker } from './client';
import { AIVideoMakerError, NotFoundError } from './errors';
import { DEFAULT_RATE_LIMIT, type RateLimitOptions } from './http/rate-limiter';
import { isTerminalStatus } from './models';
import type { Task } from './responses';

interface Waiting {
  resolve(task: Task): void;
  reject(error: unknown): void;
}

/** What a webhook handler may do to the client it confirms with. */
interface WebhookTarget {
  /** Feeds an authenticated-but-unconfirmed hint to the client's watcher (polling backs off). */
  hint(taskId: string): void;
  /** The client's rate limit, a share of which paces confirmations. */
  rateLimit: RateLimitOptions | false;
}

/** The share of the client's rate limit webhook confirmations may use. */
export const CONFIRMATION_SHARE = 1 / 4;
/** Task ids waiting for a confirmation at most; more are dropped. */
export const MAX_WAITING = 500;
/** Longest a hint waits for a token; when the share is spent for longer, waiting hints are dropped. */
export const MAX_HOLD_MS = 1_000;
const REMEMBERED_ENDS = 1000;
const targets = new WeakMap<AIVideoMaker, WebhookTarget>();
const confirmers = new WeakMap<AIVideoMaker, TaskConfirmer>();

/** No room to wait for a confirmation: the sender should retry later. */
export class ConfirmationDroppedError extends AIVideoMakerError {
  constructor() {
    super(
      'rate_limited',
      'Webhook confirmations have no room in their share of the rate limit now; retry later.',
    );
  }
}

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
  readonly #capacity: number;
  /** Tokens regained per ms; 0 when the client has no rate limit (then nothing is paced). */
  readonly #refillPerMs: number;
  #tokens: number;
  #refilledAt = Date.now();
  /** Hints received since the last confirmation was sent. */
  #pending = new Map<string, Waiting[]>();
  /** End states confirmations returned, by task id (the most recent ones). */
  readonly #ended = new Map<string, Task>();
  #running = false;

  constructor(client: AIVideoMaker, rateLimit: RateLimitOptions | false) {
    this.#client = client;
    this.#capacity = rateLimit ? Math.max(1, Math.floor(rateLimit.limit * CONFIRMATION_SHARE)) : 1;
    this.#refillPerMs = rateLimit ? this.#capacity / rateLimit.windowMs : 0;
    this.#tokens = this.#capacity;
  }

  /** The task's state as the API reports it now (fetched after this call); rejects like tasks.get. */
  confirm(taskId: string): Promise<Task> {
    const ended = this.#ended.get(taskId);
    if (ended) return Promise.resolve(ended);
    return new Promise((resolve, reject) => {
      const waiting = this.#pending.get(taskId);
      if (waiting) waiting.push({ resolve, reject });
      else if (this.#pending.size >= MAX_WAITING) return reject(new ConfirmationDroppedError());
      else this.#pending.set(taskId, [{ resolve, reject }]);
      if (this.#running) return;
      this.#running = true;
      // One macrotask: hints handled in the same moment share the first request too.
      setTimeout(() => void this.#drain(), 0);
    });
  }

  /** Milliseconds until a token is available (0: one is). */
  #delayMs(): number {
    if (this.#refillPerMs === 0) return 0;
    const now = Date.now();
    this.#tokens = Math.min(this.#capacity, this.#tokens + (now - this.#refilledAt) * this.#refillPerMs);
    this.#refilledAt = now;
    return this.#tokens >= 1 ? 0 : Math.ceil((1 - this.#tokens) / this.#refillPerMs);
  }

  async #drain(): Promise<void> {
    while (this.#pending.size > 0) {
      const delayMs = this.#delayMs();
      if (delayMs > MAX_HOLD_MS) {
        this.#drop();
        break;
      }
      // Hints arriving meanwhile join this batch; a webhook request is open for each, so this timer is too.
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      this.#delayMs();
      this.#tokens -= 1;
      const batch = this.#pending;
      this.#pending = new Map();
      try {
        await (batch.size === 1 ? this.#confirmOne(batch) : this.#confirmListed(batch));
      } catch (error) {
        // Whatever went wrong, no hint is left hanging (settled promises ignore this).
        for (const waiting of batch.values()) for (const { reject } of waiting) reject(error);
      }
    }
    this.#running = false;
  }

  #drop(): void {
    const dropped = new ConfirmationDroppedError();
    for (const waiting of this.#pending.values()) for (const { reject } of waiting) reject(dropped);
    this.#pending = new Map();
  }

  async #confirmOne(batch: Map<string, Waiting[]>): Promise<void> {
    const [[taskId, waiting]] = [...batch] as [[string, Waiting[]]];
    const task = await this.#client.tasks.get(taskId);
    this.#confirmed(task);
    for (const { resolve } of waiting) resolve(task);
  }

  async #confirmListed(batch: Map<string, Waiting[]>): Promise<void> {
    const tasks = await this.#client.tasks.list();
    const listed = new Map(tasks.map((task) => [task.id, task]));
    for (const task of tasks) this.#confirmed(task);
    for (const [taskId, waiting] of batch) {
      const task = listed.get(taskId);
      // The list holds every task of the key: an id it lacks is not one of them (a forgery, or a typo).
      const unknown = new NotFoundError('not_found', `Task ${taskId} is not in the task list`, {
        status: 404,
        method: 'GET',
        path: '/api/v1/tasks',
      });
      for (const { resolve, reject } of waiting) {
        if (task) resolve(task);
        else reject(unknown);
      }
    }
  }

  #confirmed(task: Task): void {
    this.#client.observeTask(task);
    if (!isTerminalStatus(task.status) || (task.status === 'COMPLETED' && task.output == null)) return;
    this.#ended.set(task.id, task);
    if (this.#ended.size > REMEMBERED_ENDS) this.#ended.delete(this.#ended.keys().next().value as string);
  }
}
