// Response schemas, parsed leniently: unknown fields are kept, an unknown status value is kept as a
// string, and only what a client cannot work without (a task id, a status) is required.
import { z } from 'zod';
import type { ModelName, TaskStatus } from './models';
import { isTaskId } from './task-id';

/** A documented status, or whatever new value the API may send (kept, never dropped). */
export type TaskStatusValue = TaskStatus | (string & {});

const optionalString = z.string().nullish().catch(undefined);

/** A task id from the server, held to the same rule as the user's (it may become a path or a file name). */
const taskId = z.string().refine(isTaskId, 'not a task id');

export const TaskSchema = z.looseObject({
  id: taskId,
  status: z.string().min(1),
  model: optionalString,
  createdAt: optionalString,
  completedAt: optionalString,
  input: z.record(z.string(), z.unknown()).nullish().catch(undefined),
  output: z.unknown().optional(),
});

export interface Task {
  id: string;
  status: TaskStatusValue;
  model?: ModelName | (string & {}) | null | undefined;
  /** ISO 8601 creation time. */
  createdAt?: string | null | undefined;
  completedAt?: string | null | undefined;
  input?: Record<string, unknown> | null | undefined;
  /** Raw output; its shape is undocumented. Use getVideoUrls(task) to read the video URLs. */
  output?: unknown;
  [field: string]: unknown;
}

export const TaskListSchema = z.union([
  z.looseObject({ tasks: z.array(z.unknown()) }),
  z.array(z.unknown()).transform((tasks) => ({ tasks })),
]);

export const TaskStatusSchema = z.looseObject({ status: z.string().min(1) });
export interface TaskStatusResult {
  status: TaskStatusValue;
  [field: string]: unknown;
}

export const SubmitSchema = z.looseObject({
  taskId,
  status: z.string().min(1).catch('SUBMITTED'),
  responseUrl: optionalString,
  statusUrl: optionalString,
  cancelUrl: optionalString,
});

/** What `generate` returns. */
export interface GenerateResult {
  taskId: string;
  status: TaskStatusValue;
  responseUrl: string;
  statusUrl: string;
  cancelUrl: string;
  /** True when the answer was lost and the task was found again through tasks.list(). */
  reconciled?: boolean;
  /** Credits the task cost: the server's figure (`creditsSource: 'server'`), else the list-price estimate. */
  creditsCharged: number;
  creditsSource: 'server' | 'estimate';
  /** True when the server answered a repeated Idempotency-Key with the task it had already created (no new charge). */
  idempotentReplay: boolean;
  /** The Idempotency-Key the request carried. */
  idempotencyKey: string;
  [field: string]: unknown;
}

export const CancelSchema = z.looseObject({
  status: z.string().catch('CANCEL'),
  taskId: optionalString,
  message: optionalString,
});
export interface CancelResult {
  taskId: string;
  status: TaskStatusValue;
  message?: string | null | undefined;
  [field: string]: unknown;
}

/** Keeps the list entries that are tasks; an entry without an id or status is useless to a client. */
export function parseTaskList(tasks: unknown[]): Task[] {
  return tasks.flatMap((entry) => {
    const parsed = TaskSchema.safeParse(entry);
    return parsed.success ? [parsed.data as Task] : [];
  });
}
