// Task records and their wire form (the document's task fields, nothing more).
import { randomBytes } from 'node:crypto';
import type { Model, TaskInput } from './models';

export const STATUSES = ['SUBMITTED', 'PROGRESS', 'COMPLETED', 'FAILED', 'CANCEL'] as const;
export type TaskStatus = (typeof STATUSES)[number];

export interface TaskOutput {
  video: string;
}

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
}

export interface WireTask {
  id: string;
  createdAt: string;
  model: Model;
  input: TaskInput;
  output: TaskOutput | null;
  status: TaskStatus;
  completedAt: string | null;
}

export const filePath = (taskId: string) => `/files/${taskId}.mp4`;

/** `output` URLs point at whatever origin the client used to reach the emulator. */
export function toWireTask(task: TaskRecord, origin: string): WireTask {
  return {
    id: task.id,
    createdAt: task.createdAt,
    model: task.model,
    input: task.input,
    output: task.output && { video: `${origin}${filePath(task.id)}` },
    status: task.status,
    completedAt: task.completedAt,
  };
}

/** cuid-like ids ("ck" + 23 base-36 characters), like the document's "ckxxxxxxxx". */
function newTaskId(): string {
  const digits = Array.from(randomBytes(23), (byte) => (byte % 36).toString(36));
  return `ck${digits.join('')}`;
}

export class TaskStore {
  readonly #byId = new Map<string, TaskRecord>();

  create(fields: Omit<TaskRecord, 'id' | 'status' | 'output' | 'createdAt' | 'completedAt'>): TaskRecord {
    const task: TaskRecord = {
      id: newTaskId(),
      ...fields,
      status: 'SUBMITTED',
      output: null,
      createdAt: new Date().toISOString(),
      completedAt: null,
    };
    this.#byId.set(task.id, task);
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
}
