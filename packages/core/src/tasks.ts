// The task endpoints as plain methods: list, get, status, cancel, plus wait through the shared watcher.
// Every one of them is a query call, so they all share the client's rate limiter.
import { ConflictError, InputValidationError, MalformedResponseError } from './errors';
import type { RequestEngine } from './http/engine';
import {
  type CancelResult,
  CancelSchema,
  parseTaskList,
  type Task,
  TaskListSchema,
  TaskSchema,
  type TaskStatusResult,
  TaskStatusSchema,
} from './responses';
import { isTaskId } from './task-id';
import { describeValue, durationOption } from './validate';
import type { TaskWatcher, WaitOptions } from './watcher';

export interface CallOptions {
  signal?: AbortSignal | undefined;
}

export { isTaskId };

function taskPath(taskId: unknown, suffix = ''): string {
  if (!isTaskId(taskId)) {
    throw new InputValidationError(
      'taskId',
      `${describeValue(taskId)} is not a task id: expected the id returned by generate (letters, digits, "-", "_", ".", "~")`,
    );
  }
  return `/api/v1/tasks/${encodeURIComponent(taskId)}${suffix}`;
}

export class Tasks {
  readonly #engine: RequestEngine;
  readonly #watcher: () => TaskWatcher;

  constructor(engine: RequestEngine, watcher: () => TaskWatcher) {
    this.#engine = engine;
    this.#watcher = watcher;
  }

  /** All tasks of this API key, newest first. */
  async list(options: CallOptions = {}): Promise<Task[]> {
    const path = '/api/v1/tasks';
    const json = await this.#engine.read({ method: 'GET', path, signal: options.signal, limited: true });
    return parseTaskList(this.#parse(TaskListSchema, json, path).tasks);
  }

  async get(taskId: string, options: CallOptions = {}): Promise<Task> {
    const path = taskPath(taskId);
    const json = await this.#engine.read({ method: 'GET', path, signal: options.signal, limited: true });
    const task = this.#parse(TaskSchema, json, path) as Task;
    // Another task than the one asked for (its id may name a file or a URL next): never taken as this one.
    if (task.id !== taskId) {
      const text = this.#engine.redact(JSON.stringify(task.id) ?? '').slice(0, 80);
      throw new MalformedResponseError({ status: 200, method: 'GET', path }, `task id ${text}`);
    }
    return task;
  }

  async status(taskId: string, options: CallOptions = {}): Promise<TaskStatusResult> {
    const path = taskPath(taskId, '/status');
    const json = await this.#engine.read({ method: 'GET', path, signal: options.signal, limited: true });
    return this.#parse(TaskStatusSchema, json, path);
  }

  /**
   * Cancels a task that is still SUBMITTED (the emulator refunds it); a later state gives ConflictError.
   * Cancelling is idempotent: a task that is already cancelled (e.g. by an attempt whose answer was lost
   * before the retry) resolves as cancelled.
   */
  async cancel(taskId: string, options: CallOptions = {}): Promise<CancelResult> {
    const path = taskPath(taskId, '/cancel');
    let json: unknown;
    try {
      json = await this.#engine.read({ method: 'PUT', path, signal: options.signal, limited: true });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const task = await this.get(taskId, options).catch((lookup: unknown) => {
        if (options.signal?.aborted) throw lookup;
      });
      if (task?.status !== 'CANCEL') throw error;
      return { taskId, status: 'CANCEL' };
    }
    const parsed = this.#parse(CancelSchema, json, path, 'PUT');
    return { ...parsed, taskId: parsed.taskId ?? taskId };
  }

  /**
   * Resolves with the COMPLETED task; rejects with TaskFailedError, TaskCancelledError, WaitTimeoutError,
   * or the signal's reason the moment it aborts. All waits of a client share one watcher.
   */
  wait(taskId: string, options: WaitOptions = {}): Promise<Task> {
    let timeoutMs: number | undefined;
    try {
      taskPath(taskId);
      timeoutMs = durationOption('timeoutMs', options.timeoutMs);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.#watcher().wait(taskId, timeoutMs === undefined ? options : { ...options, timeoutMs });
  }

  #parse<T>(
    schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
    json: unknown,
    path: string,
    method: 'GET' | 'PUT' = 'GET',
  ): T {
    const parsed = schema.safeParse(json);
    if (parsed.success) return parsed.data;
    const text = this.#engine.redact(JSON.stringify(json) ?? '').slice(0, 200);
    throw new MalformedResponseError({ status: 200, method, path }, text);
  }
}
