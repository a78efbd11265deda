// The paid POST. It is resent only when it certainly did not reach the server (connection refused
// before sending) or the server answered 429. Any other failure after sending (5xx, reset, timeout, a
// garbled answer) is reconciled: the task is looked up in tasks.list() by model, input and creation time
// and returned; if it cannot be found, TaskMayExistError says how to check. Credits are never spent twice.
// A lookup never takes a task that an identical send of the same client, still waiting for its answer,
// may own: it waits for those sends to claim their tasks first.
import {
  APIError,
  ConnectionError,
  MalformedResponseError,
  RateLimitError,
  RequestTimeoutError,
  ServerError,
  TaskMayExistError,
} from './errors';
import { abortReason, sleep } from './http/abort';
import type { RequestEngine } from './http/engine';
import { retryDelayMs } from './http/retry';
import type { ModelName } from './models';
import { type GenerateResult, SubmitSchema, type Task } from './responses';

export interface GenerateOptions {
  /** Sent as the `webhookUrl` header: the API posts status changes there. */
  webhookUrl?: string;
  signal?: AbortSignal;
}

export interface ReconcileOptions {
  /** How long before the send a matching task may have been created, for clock skew (default 60 s). */
  windowMs?: number;
  /** Pauses before each further lookup, for an API that lists a new task late (default [1000, 2000]). */
  lookupDelaysMs?: readonly number[];
}

export const DEFAULT_RECONCILE: Required<ReconcileOptions> = {
  windowMs: 60_000,
  lookupDelaysMs: [1_000, 2_000],
};

export interface SubmitContext extends Required<ReconcileOptions> {
  engine: RequestEngine;
  listTasks(signal?: AbortSignal): Promise<Task[]>;
  /** Task ids this client already handed out, so a lookup never returns one of them twice. */
  claimed: Set<string>;
  /** This client's sends still waiting for their answer, by request (model and body). */
  sending: Map<string, Set<Promise<void>>>;
}

const MAX_CLAIMED = 1000;

export async function submitGeneration(
  ctx: SubmitContext,
  model: ModelName,
  body: Record<string, unknown>,
  options: GenerateOptions = {},
): Promise<GenerateResult> {
  const { signal, webhookUrl } = options;
  const path = `/api/v1/generate/${model}`;
  const headers: Record<string, string> = webhookUrl ? { webhookUrl } : {};
  const spec = { method: 'POST' as const, path, body, signal, limited: false, headers };
  const sentAt = new Date();
  const request = `${model} ${JSON.stringify(body)}`;
  const done = startSending(ctx.sending, request);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        const json = await ctx.engine.attempt(spec, attempt);
        const parsed = SubmitSchema.safeParse(json);
        if (!parsed.success) {
          const text = ctx.engine.redact(JSON.stringify(json)).slice(0, 200);
          throw new MalformedResponseError({ status: 200, method: 'POST', path }, text);
        }
        return claim(ctx, { ...parsed.data, ...taskUrls(ctx.engine.baseUrl, parsed.data) });
      } catch (error) {
        if (signal?.aborted) throw error;
        const resendable =
          error instanceof RateLimitError ||
          (error instanceof ConnectionError && !error.mayHaveReachedServer);
        if (resendable && attempt < ctx.engine.maxRetries) {
          const delay = retryDelayMs(error, attempt);
          ctx.engine.log(
            `aivideomaker: POST ${path} not processed (${(error as Error).message}); resending in ${Math.round(delay)} ms`,
          );
          await sleep(delay, signal);
          continue;
        }
        if (!mayHaveCreatedTask(error)) throw error;
        // No longer waiting for an answer: identical sends looking up their own tasks need not wait for us.
        done();
        return await reconcile(ctx, request, { model, body, sentAt }, error, signal);
      }
    }
  } finally {
    done();
  }
}

/** Registers a send; the returned function (idempotent) marks it answered or given up. */
function startSending(sending: SubmitContext['sending'], request: string): () => void {
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
function othersAnswered(ctx: SubmitContext, request: string, signal: AbortSignal | undefined): Promise<void> {
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

/** True for failures after which the server may have created (and charged) the task. */
function mayHaveCreatedTask(error: unknown): boolean {
  if (error instanceof ConnectionError) return error.mayHaveReachedServer;
  if (error instanceof RequestTimeoutError || error instanceof ServerError) return true;
  if (error instanceof MalformedResponseError) return error.status < 400;
  return error instanceof APIError && error.status === 408;
}

async function reconcile(
  ctx: SubmitContext,
  request: string,
  { model, body, sentAt }: { model: ModelName; body: Record<string, unknown>; sentAt: Date },
  cause: unknown,
  signal: AbortSignal | undefined,
): Promise<GenerateResult> {
  ctx.engine.log(
    `aivideomaker: POST /api/v1/generate/${model} answer lost; looking the task up in tasks.list()`,
  );
  const since = sentAt.getTime() - ctx.windowMs;
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
    const match = tasks.find((task) => isSameRequest(task, model, body, since) && !ctx.claimed.has(task.id));
    if (match) {
      return claim(ctx, {
        taskId: match.id,
        status: match.status,
        ...taskUrls(ctx.engine.baseUrl, { taskId: match.id }),
        reconciled: true,
      });
    }
  }
  const reason = cause instanceof Error ? cause.message : String(cause);
  throw new TaskMayExistError(model, sentAt, reason, { cause });
}

function isSameRequest(task: Task, model: ModelName, body: Record<string, unknown>, since: number): boolean {
  if (task.model !== model || !task.input) return false;
  const created = Date.parse(task.createdAt ?? '');
  if (Number.isNaN(created) || created < since) return false;
  const input = task.input;
  return Object.entries(body).every(([field, value]) => sameValue(input[field], value));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' || typeof b === 'number') return String(a) === String(b);
  return JSON.stringify(a) === JSON.stringify(b);
}

function taskUrls(
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

function claim(ctx: SubmitContext, result: GenerateResult): GenerateResult {
  ctx.claimed.add(result.taskId);
  if (ctx.claimed.size > MAX_CLAIMED) ctx.claimed.delete(ctx.claimed.values().next().value as string);
  return result;
}
