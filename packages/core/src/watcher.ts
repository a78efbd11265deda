// One watcher per client serves every wait(): one task in flight -> GET .../status; several -> one
// GET /api/v1/tasks per interval for all of them. The interval adapts (quick at first, slower for long
// tasks). A terminal list entry is the full task and settles its waits as it is; one seen by a status poll
// is fetched once with GET /tasks/{id}. Webhook confirmations settle waits at once, webhook hints move
// their task to a slow safety-net poll, and the only timer exists while somebody waits.
import {
  AuthenticationError,
  NotFoundError,
  RedirectError,
  TaskCancelledError,
  TaskFailedError,
  WaitTimeoutError,
} from './errors';
import { abortReason } from './http/abort';
import { isTerminalStatus } from './models';
import type { Task, TaskStatusResult, TaskStatusValue } from './responses';

export interface PollOptions {
  /** First (shortest) interval between polls, ms (default 2000). */
  minIntervalMs?: number;
  /** Longest interval, reached by long tasks (default 15000). */
  maxIntervalMs?: number;
}

export interface TaskUpdate {
  taskId: string;
  status: TaskStatusValue;
  previousStatus: TaskStatusValue | undefined;
  elapsedMs: number;
  /** The full task when this update came with one (list entry, webhook confirmation, final fetch). */
  task?: Task | undefined;
}

export interface WaitOptions {
  signal?: AbortSignal;
  /** Give up after this long with a WaitTimeoutError (default 20 minutes); the task keeps running. */
  timeoutMs?: number;
  onUpdate?: (update: TaskUpdate) => void;
  /** On abort, also cancel the task if it is still SUBMITTED (best effort). */
  cancelOnAbort?: boolean;
}

export interface WatchSource {
  status(taskId: string, signal: AbortSignal): Promise<TaskStatusResult>;
  list(signal: AbortSignal): Promise<Task[]>;
  get(taskId: string, signal: AbortSignal): Promise<Task>;
  cancel(taskId: string): Promise<unknown>;
  log(message: string): void;
}

/**
 * How long a wait for a video lasts by default, everywhere: the client's tasks.wait and run, the tools'
 * `wait`, the Mastra workflow's wait step and the CLI's --timeout. A 5 s clip took about 6.5 minutes on
 * the live service, and longer videos and queues take more: 20 min leaves room for them while staying
 * under the 30-minute exec limit of agent hosts such as OpenClaw, so the caller gets the task id and a way
 * to resume rather than a kill. Past it the task keeps running; every place lets it be changed.
 */
export const DEFAULT_WAIT_TIMEOUT_MS = 20 * 60_000;

interface Waiter {
  startedAt: number;
  onUpdate: ((update: TaskUpdate) => void) | undefined;
  settle(outcome: { task: Task } | { error: unknown }): void;
}

interface Watched {
  taskId: string;
  status: TaskStatusValue | undefined;
  since: number;
  nextPollAt: number;
  waiters: Set<Waiter>;
  finishing: boolean;
  /** Aborts the one terminal-state fetch if everybody stops waiting. */
  finalFetch: AbortController | undefined;
  /** Webhooks arrive for this task: poll it only as a slow safety net. */
  hinted: boolean;
}

export class TaskWatcher {
  readonly #source: WatchSource;
  readonly #minMs: number;
  readonly #maxMs: number;
  readonly #watched = new Map<string, Watched>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #polling = false;
  #inflight: AbortController | undefined;

  constructor(source: WatchSource, options: PollOptions = {}) {
    this.#source = source;
    this.#minMs = Math.max(1, options.minIntervalMs ?? 2_000);
    this.#maxMs = Math.max(this.#minMs, options.maxIntervalMs ?? 15_000);
  }

  /** How many tasks are being watched right now. */
  get size(): number {
    return this.#watched.size;
  }

  wait(taskId: string, options: WaitOptions = {}): Promise<Task> {
    const { signal, onUpdate, cancelOnAbort } = options;
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise<Task>((resolve, reject) => {
      const entry = this.#entry(taskId);
      const waiter: Waiter = {
        startedAt: Date.now(),
        onUpdate,
        settle: (outcome) => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          this.#remove(entry, waiter);
          if ('task' in outcome) resolve(outcome.task);
          else reject(outcome.error);
        },
      };
      const onAbort = () => {
        const status = entry.status;
        waiter.settle({ error: abortReason(signal as AbortSignal) });
        if (cancelOnAbort && (status === undefined || status === 'SUBMITTED')) {
          this.#source.cancel(taskId).catch((error: unknown) => {
            this.#source.log(`aivideomaker: cancelOnAbort for ${taskId} failed: ${String(error)}`);
          });
        }
      };
      const timer = setTimeout(
        () => waiter.settle({ error: new WaitTimeoutError(taskId, entry.status, timeoutMs) }),
        timeoutMs,
      );
      signal?.addEventListener('abort', onAbort, { once: true });
      entry.waiters.add(waiter);
      if (entry.status !== undefined) this.#emit(waiter, entry, undefined, undefined);
      this.#schedule();
    });
  }

  /** A task state confirmed elsewhere (an authenticated fetch after a webhook): settles or updates waits. */
  observe(task: Task): void {
    const entry = this.#watched.get(task.id);
    if (!entry || entry.finishing) return;
    this.#apply(entry, task.status, task);
    this.#schedule();
  }

  /** A token-checked but unconfirmed webhook: its state is not trusted, but webhooks reach us, so poll less. */
  hint(taskId: string): void {
    const entry = this.#watched.get(taskId);
    if (!entry || entry.finishing) return;
    entry.hinted = true;
    entry.nextPollAt = Date.now() + this.#maxMs;
    this.#schedule();
  }

  #entry(taskId: string): Watched {
    let entry = this.#watched.get(taskId);
    if (!entry) {
      const now = Date.now();
      // Alone, look at once; else join the next round (within minIntervalMs), not a poll per new wait.
      const busy = [...this.#watched.values()].some((other) => !other.finishing);
      entry = {
        taskId,
        status: undefined,
        since: now,
        nextPollAt: busy ? now + this.#minMs : now,
        waiters: new Set(),
        finishing: false,
        finalFetch: undefined,
        hinted: false,
      };
      this.#watched.set(taskId, entry);
    }
    return entry;
  }

  #remove(entry: Watched, waiter: Waiter): void {
    entry.waiters.delete(waiter);
    if (entry.waiters.size > 0 || this.#watched.get(entry.taskId) !== entry) return;
    this.#watched.delete(entry.taskId);
    entry.finalFetch?.abort();
    if (this.#watched.size === 0) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#inflight?.abort();
    }
  }

  #interval(entry: Watched, now: number): number {
    if (entry.hinted) return this.#maxMs;
    return Math.min(this.#maxMs, Math.max(this.#minMs, (now - entry.since) / 6));
  }

  /** One timer for the earliest due task; the jitter applies to the round, so one poll serves all. */
  #schedule(): void {
    if (this.#polling || this.#watched.size === 0) return;
    let next = Number.POSITIVE_INFINITY;
    for (const entry of this.#watched.values()) if (!entry.finishing) next = Math.min(next, entry.nextPollAt);
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (next === Number.POSITIVE_INFINITY) return;
    const delay = Math.max(0, next - Date.now()) * (0.9 + 0.2 * Math.random());
    this.#timer = setTimeout(() => void this.#poll(), delay);
  }

  async #poll(): Promise<void> {
    this.#timer = undefined;
    const active = [...this.#watched.values()].filter((entry) => !entry.finishing);
    if (active.length === 0) return;
    this.#polling = true;
    const controller = new AbortController();
    this.#inflight = controller;
    try {
      if (active.length === 1) {
        const [entry] = active as [Watched];
        const { status } = await this.#source.status(entry.taskId, controller.signal);
        this.#apply(entry, status, undefined);
      } else {
        const tasks = await this.#source.list(controller.signal);
        const byId = new Map(tasks.map((task) => [task.id, task]));
        const missing = active.filter((entry) => !byId.has(entry.taskId));
        for (const entry of active) {
          const task = byId.get(entry.taskId);
          if (task) this.#apply(entry, task.status, task);
        }
        // Not in the list (an API that pages or lags): ask for those few one by one.
        for (const entry of missing) {
          try {
            const { status } = await this.#source.status(entry.taskId, controller.signal);
            this.#apply(entry, status, undefined);
          } catch (error) {
            if (!(error instanceof NotFoundError)) throw error;
            this.#settleAll(entry, { error });
          }
        }
      }
    } catch (error) {
      if (!controller.signal.aborted) this.#pollFailed(active, error);
    } finally {
      this.#polling = false;
      this.#inflight = undefined;
      const now = Date.now();
      for (const entry of active)
        if (entry.nextPollAt <= now) entry.nextPollAt = now + this.#interval(entry, now);
      this.#schedule();
    }
  }

  /** Transient failures (already retried by the engine) just wait for the next round. */
  #pollFailed(active: Watched[], error: unknown): void {
    this.#source.log(`aivideomaker: polling failed, will retry: ${String(error)}`);
    const fatal = isFatal(error) || (error instanceof NotFoundError && active.length === 1);
    if (fatal) for (const entry of active) this.#settleAll(entry, { error });
  }

  #apply(entry: Watched, status: TaskStatusValue, task: Task | undefined): void {
    const previous = entry.status;
    if (status !== previous) {
      entry.status = status;
      for (const waiter of entry.waiters) this.#emit(waiter, entry, previous, task);
    }
    if (!isTerminalStatus(status)) {
      entry.nextPollAt = Date.now() + this.#interval(entry, Date.now());
      return;
    }
    entry.finishing = true;
    // A full terminal task settles at once; after a status poll (or without output) it is fetched once.
    if (task && (task.status !== 'COMPLETED' || task.output != null)) {
      this.#finish(entry, task);
      return;
    }
    const controller = new AbortController();
    entry.finalFetch = controller;
    this.#source
      .get(entry.taskId, controller.signal)
      .then((full) => this.#finish(entry, full))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (task) return this.#finish(entry, task);
        if (isFatal(error) || error instanceof NotFoundError) return this.#settleAll(entry, { error });
        // A failed confirming read (already retried): the task did end, so poll again and confirm again.
        this.#source.log(
          `aivideomaker: confirming ${entry.taskId} failed, will poll again: ${String(error)}`,
        );
        entry.finishing = false;
        entry.nextPollAt = Date.now() + this.#interval(entry, Date.now());
        this.#schedule();
      });
  }

  #finish(entry: Watched, task: Task): void {
    if (task.status === 'COMPLETED') this.#settleAll(entry, { task });
    else if (task.status === 'FAILED') this.#settleAll(entry, { error: new TaskFailedError(task) });
    else if (task.status === 'CANCEL') this.#settleAll(entry, { error: new TaskCancelledError(task) });
    else {
      // The confirming fetch disagrees (the state moved on or back): keep watching.
      entry.finishing = false;
      entry.status = task.status;
      this.#schedule();
    }
  }

  #settleAll(entry: Watched, outcome: { task: Task } | { error: unknown }): void {
    for (const waiter of [...entry.waiters]) waiter.settle(outcome);
  }

  #emit(waiter: Waiter, entry: Watched, previous: TaskStatusValue | undefined, task: Task | undefined): void {
    if (!waiter.onUpdate || entry.status === undefined) return;
    const update: TaskUpdate = {
      taskId: entry.taskId,
      status: entry.status,
      previousStatus: previous,
      elapsedMs: Date.now() - waiter.startedAt,
      task,
    };
    try {
      waiter.onUpdate(update);
    } catch (error) {
      this.#source.log(`aivideomaker: onUpdate threw: ${String(error)}`);
    }
  }
}

/** Errors that polling again cannot fix: a rejected key, or a server that redirects. */
const isFatal = (error: unknown) => error instanceof AuthenticationError || error instanceof RedirectError;
