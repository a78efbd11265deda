// The lookup after a paid POST's answer was lost, on a server not known to honour Idempotency-Key: the
// task is looked up in tasks.list() and returned, or TaskMayExistError says how to check. A task matches
// when it carries this call's Idempotency-Key (exact, where the server lists keys); otherwise by model and
// input, and only if created after this call's request was sent, in the server's clock (ServerClock: a
// lower bound of its offset, so our own task is never missed and a task created before is never adopted,
// within the Date header's second). A lookup never takes a task that an identical send of the same client,
// still waiting for its answer, may own: it waits for those sends to claim their tasks first.
import { TaskMayExistError } from './errors';
import { abortReason, sleep } from './http/abort';
import type { RequestEngine } from './http/engine';
import type { ModelName } from './models';
import type { Task } from './responses';

export interface ReconcileOptions {
  /** Pauses before each further lookup, for an API that lists a new task late (default [1000, 2000]). */
  lookupDelaysMs?: readonly number[];
}

export const DEFAULT_RECONCILE: Required<ReconcileOptions> = {
  lookupDelaysMs: [1_000, 2_000],
};

export interface ReconcileContext extends Required<ReconcileOptions> {
  engine: RequestEngine;
  listTasks(signal?: AbortSignal): Promise<Task[]>;
  /** Task ids this client already handed out, so a lookup never returns one of them twice. */
  claimed: Set<string>;
  /** This client's sends still waiting for their answer, by request (model and body). */
  sending: Map<string, Set<Promise<void>>>;
}

const MAX_CLAIMED = 1000;

/** Registers a send; the returned function (idempotent) marks it answered or given up. */
export function startSending(sending: ReconcileContext['sending'], request: string): () => void {
  let finish!: () => void;
  const answered = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const set = sending.get(request) ?? new Set();
  sending.set(request, set.add(answered));
  return () => {
    finish();
    set.delete(answered);
    if (set.size === 0 && sending.get(request) === set) sending.delete(request);
  };
}

/** Waits until the identical sends in flight right now have their answers (and claimed their tasks). */
function othersAnswered(
  ctx: ReconcileContext,
  request: string,
  signal: AbortSignal | undefined,
): Promise<void> {
  const pending = [...(ctx.sending.get(request) ?? [])];
  if (pending.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const onAbort = () => reject(abortReason(signal as AbortSignal));
    signal?.addEventListener('abort', onAbort, { once: true });
    void Promise.all(pending).then(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}

export interface LostRequest {
  model: ModelName;
  body: Record<string, unknown>;
  sentAt: Date;
  /** Its Idempotency-Key. */
  key: string;
}

export interface ReconciledTask {
  taskId: string;
  status: string;
  responseUrl: string;
  statusUrl: string;
  cancelUrl: string;
  reconciled: true;
  creditsCharged?: number;
}

export async function reconcile(
  ctx: ReconcileContext,
  request: string,
  lost: LostRequest,
  cause: unknown,
  signal: AbortSignal | undefined,
): Promise<ReconciledTask> {
  const { model, sentAt, key } = lost;
  ctx.engine.log(
    `aivideomaker: POST /api/v1/generate/${model} answer lost; looking the task up in tasks.list()`,
  );
  for (let round = 0; round <= ctx.lookupDelaysMs.length; round++) {
    // The server may list a task a moment after creating it.
    if (round > 0) await sleep(ctx.lookupDelaysMs[round - 1] ?? 0, signal);
    let tasks: Task[];
    try {
      tasks = await ctx.listTasks(signal);
    } catch (error) {
      if (signal?.aborted) throw error;
      continue;
    }
    // A task in this list may belong to an identical send whose answer is still on its way.
    await othersAnswered(ctx, request, signal);
    // Read after the list's answer, whose Date header may have tightened the bound.
    const since = sentAt.getTime() + ctx.engine.clock.offsetLowerBoundMs;
    const match = tasks.find((task) => isSameRequest(task, lost, since) && !ctx.claimed.has(task.id));
    if (match) {
      const credits = match.creditsCharged;
      return claim(ctx, {
        taskId: match.id,
        status: match.status,
        ...taskUrls(ctx.engine.baseUrl, { taskId: match.id }),
        reconciled: true as const,
        ...(typeof credits === 'number' ? { creditsCharged: credits } : {}),
      });
    }
  }
  const reason = cause instanceof Error ? cause.message : String(cause);
  throw new TaskMayExistError(model, sentAt, reason, { cause, idempotencyKey: key });
}

function isSameRequest(task: Task, { model, body, key }: LostRequest, since: number): boolean {
  if (task.model !== model) return false;
  // A server that lists keys answers exactly: ours, or not ours whatever its input.
  if (typeof task.idempotencyKey === 'string') return task.idempotencyKey === key;
  if (!task.input) return false;
  const created = Date.parse(task.createdAt ?? '');
  if (Number.isNaN(created) || created < since) return false;
  const input = task.input;
  return Object.entries(body).every(([field, value]) => sameValue(input[field], value));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' || typeof b === 'number') return String(a) === String(b);
  return JSON.stringify(a) === JSON.stringify(b);
}

export function taskUrls(
  baseUrl: string,
  result: { taskId: string; responseUrl?: unknown; statusUrl?: unknown; cancelUrl?: unknown },
) {
  const taskUrl = `${baseUrl}/api/v1/tasks/${encodeURIComponent(result.taskId)}`;
  const pick = (value: unknown, fallback: string) => (typeof value === 'string' && value ? value : fallback);
  return {
    responseUrl: pick(result.responseUrl, taskUrl),
    statusUrl: pick(result.statusUrl, `${taskUrl}/status`),
    cancelUrl: pick(result.cancelUrl, `${taskUrl}/cancel`),
  };
}

export function claim<R extends { taskId: string }>(ctx: ReconcileContext, result: R): R {
  ctx.claimed.add(result.taskId);
  if (ctx.claimed.size > MAX_CLAIMED) ctx.claimed.delete(ctx.claimed.values().next().value as string);
  return result;
}
