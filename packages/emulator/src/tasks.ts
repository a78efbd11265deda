// Task records and their wire form: the document's task fields, plus api-live.md's credit fields in the
// default (live) mode.
import { randomBytes } from 'node:crypto';
import type { Model, TaskInput } from './models';

export const STATUSES = ['SUBMITTED', 'PROGRESS', 'COMPLETED', 'FAILED', 'CANCEL'] as const;
export type TaskStatus = (typeof STATUSES)[number];

/** What a live-mode output's `msg` says about retention (api-live.md: files are kept 24 hours). */
export const RETENTION_MESSAGE = 'Video generated. The file is kept for 24 hours only: download it promptly.';
export const FAILED_MESSAGE = 'Generation failed; the credits charged were refunded.';

/**
 * A finished task's output. Seed mode: `{ video }` on COMPLETED, null otherwise. Live mode (api-live.md):
 * `{ url, msg, error }` on COMPLETED (error null) and FAILED (url null), null otherwise.
 */
export type TaskOutput = { video: string } | { url: string | null; msg: string; error: string | null };

export interface TaskRecord {
  id: string;
  /** The API key that created the task (each key sees only its own tasks). */
  key: string;
  model: Model;
  input: TaskInput;
  status: TaskStatus;
  output: TaskOutput | null;
  /** ISO 8601, as on the wire. */
  createdAt: string;
  /** ISO 8601 once the task ended (COMPLETED, FAILED or CANCEL), else null. */
  completedAt: string | null;
  webhookUrl: string | null;
  /** Credits charged at submit (refunded on FAILED and CANCEL). */
  credits: number;
  /** Credits given back (FAILED, CANCEL), else 0. */
  creditsRefunded: number;
  /** The Idempotency-Key it was created with (live mode), else null. */
  idempotencyKey: string | null;
}

export interface WireTask {
  id: string;
  createdAt: string;
  model: Model;
  input: TaskInput;
  output: TaskOutput | null;
  status: TaskStatus;
  completedAt: string | null;
  /** Live mode only. */
  creditsCharged?: number;
  creditsRefunded?: number;
  /** The value of the charge in US cents (1 credit = USD 0.01). */
  listValueCents?: number;
  idempotencyKey?: string | null;
}

export const filePath = (taskId: string) => `/files/${taskId}.mp4`;

/** The output a task has in its status, its URL on `origin`. */
export function outputOf(task: TaskRecord, origin: string, live: boolean): TaskOutput | null {
  const url = `${origin}${filePath(task.id)}`;
  if (task.status === 'COMPLETED')
    return live ? { url, msg: RETENTION_MESSAGE, error: null } : { video: url };
  if (task.status === 'FAILED' && live) {
    return { url: null, msg: FAILED_MESSAGE, error: 'The render failed (emulated failure).' };
  }
  return null;
}

/** `output` URLs point at whatever origin the client used to reach the emulator. */
export function toWireTask(task: TaskRecord, origin: string, live: boolean): WireTask {
  const wire: WireTask = {
    id: task.id,
    createdAt: task.createdAt,
    model: task.model,
    input: task.input,
    output: outputOf(task, origin, live),
    status: task.status,
    completedAt: task.completedAt,
  };
  if (!live) return wire;
  return {
    ...wire,
    creditsCharged: task.credits,
    creditsRefunded: task.creditsRefunded,
    listValueCents: task.credits,
    idempotencyKey: task.idempotencyKey,
  };
}

/** cuid-like ids ("ck" + 23 base-36 characters), like the document's "ckxxxxxxxx". */
function newTaskId(): string {
  const digits = Array.from(randomBytes(23), (byte) => (byte % 36).toString(36));
  return `ck${digits.join('')}`;
}

type NewTask = Omit<TaskRecord, 'id' | 'status' | 'output' | 'createdAt' | 'completedAt' | 'creditsRefunded'>;

const FINISHED: ReadonlySet<TaskStatus> = new Set(['COMPLETED', 'FAILED', 'CANCEL']);

/**
 * Tasks by id. Each key's stored inputs are bounded (`maxBytesPerKey`): to make room, that key's oldest
 * finished tasks are forgotten, never another key's, so one key's flood cannot break another's answers
 * and no answer grows past what a JSON string can hold.
 */
export class TaskStore {
  readonly #byId = new Map<string, TaskRecord>();
  readonly #sizes = new Map<string, number>();
  readonly #bytesByKey = new Map<string, number>();

  constructor(private readonly maxBytesPerKey = Number.POSITIVE_INFINITY) {}

  /** Frees room for `bytes` more of `key`'s input; false when its unfinished tasks alone leave none. */
  makeRoom(key: string, bytes: number): boolean {
    let used = this.#bytesByKey.get(key) ?? 0;
    if (used + bytes <= this.maxBytesPerKey) return true;
    for (const task of this.#byId.values()) {
      if (used + bytes <= this.maxBytesPerKey) break;
      if (task.key !== key || !FINISHED.has(task.status)) continue;
      used -= this.#forget(task);
    }
    return used + bytes <= this.maxBytesPerKey;
  }

  /** `bytes`: the size of the request body, counted against the key's budget. */
  create(fields: NewTask, bytes = 0): TaskRecord {
    const task: TaskRecord = {
      id: newTaskId(),
      ...fields,
      status: 'SUBMITTED',
      output: null,
      createdAt: new Date().toISOString(),
      completedAt: null,
      creditsRefunded: 0,
    };
    this.#byId.set(task.id, task);
    this.#sizes.set(task.id, bytes);
    this.#bytesByKey.set(task.key, (this.#bytesByKey.get(task.key) ?? 0) + bytes);
    return task;
  }

  /** The task, only if it belongs to `key`: another key's task is as unknown as a missing one. */
  get(id: string, key?: string): TaskRecord | undefined {
    const task = this.#byId.get(id);
    return task && (key === undefined || task.key === key) ? task : undefined;
  }

  /** Newest first (insertion order breaks ties within the same millisecond). */
  list(key?: string): TaskRecord[] {
    return [...this.#byId.values()].filter((task) => key === undefined || task.key === key).reverse();
  }

  /** Bytes of input held for `key`. */
  bytes(key: string): number {
    return this.#bytesByKey.get(key) ?? 0;
  }

  #forget(task: TaskRecord): number {
    const size = this.#sizes.get(task.id) ?? 0;
    this.#byId.delete(task.id);
    this.#sizes.delete(task.id);
    this.#bytesByKey.set(task.key, (this.#bytesByKey.get(task.key) ?? 0) - size);
    return size;
  }
}
