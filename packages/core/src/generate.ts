// The paid POST. Every send carries an Idempotency-Key (the caller's, or one random key per call, the same
// on each resend of that call) and, when given, X-Max-Credits. It is resent when it certainly did not reach
// the server (connection refused before sending) or the server answered 429. After an ambiguous failure
// (5xx, reset, timeout, a garbled answer) it is resent with the same key only when the server is known to
// honour keys (an answer carried `idempotentReplay`, or the account route answered; asked once per client):
// the server then returns the task it created, never a second one. Otherwise the task is looked up in
// tasks.list() (reconcile.ts). Credits are never spent twice.
import { estimateCredits } from './credits';
import {
  APIError,
  ConnectionError,
  MalformedResponseError,
  RateLimitError,
  RequestTimeoutError,
  ServerError,
  SubmitAbortedError,
} from './errors';
import { abortReason, sleep } from './http/abort';
import { backoffMs, retryDelayMs } from './http/retry';
import { assertIdempotencyKey, assertMaxCredits, newIdempotencyKey } from './live/idempotency';
import type { ModelName } from './models';
import { claim, type ReconcileContext, reconcile, startSending, taskUrls } from './reconcile';
import { type GenerateResult, SubmitSchema } from './responses';

export interface GenerateOptions {
  /** Sent as the `webhookUrl` header: the API posts status changes there. */
  webhookUrl?: string;
  signal?: AbortSignal;
  /**
   * The Idempotency-Key (8 to 128 visible ASCII characters). Default: a random key for this call, reused on
   * each resend. Pass your own to make a retry of the same logical generation (another process, a later
   * run) return the same task from a server that honours keys.
   */
  idempotencyKey?: string;
  /**
   * X-Max-Credits: the most this call may cost. A server that enforces it refuses a higher price before
   * charging (BudgetExceededError); one that does not ignores it.
   */
  maxCredits?: number;
}

/** Resends with the same key after ambiguous failures, on a server that honours keys. */
export const IDEMPOTENT_RESENDS = 3;

export interface SubmitContext extends ReconcileContext {
  /** True when the server honours Idempotency-Key; may ask it (the account route) once per client. */
  honoursKeys(signal?: AbortSignal): Promise<boolean>;
  /** Sees every submit answer (the detection of the live additions). */
  observeSubmit(answer: Record<string, unknown>): void;
}

export async function submitGeneration(
  ctx: SubmitContext,
  model: ModelName,
  body: Record<string, unknown>,
  options: GenerateOptions = {},
): Promise<GenerateResult> {
  const { signal, webhookUrl } = options;
  const key =
    options.idempotencyKey === undefined ? newIdempotencyKey() : assertIdempotencyKey(options.idempotencyKey);
  const maxCredits = options.maxCredits === undefined ? undefined : assertMaxCredits(options.maxCredits);
  const path = `/api/v1/generate/${model}`;
  const headers: Record<string, string> = {
    'Idempotency-Key': key,
    ...(maxCredits === undefined ? {} : { 'X-Max-Credits': String(maxCredits) }),
    ...(webhookUrl ? { webhookUrl } : {}),
  };
  const spec = { method: 'POST' as const, path, body, signal, limited: false, headers };
  const estimate = estimateCredits(model, body);
  const sentAt = new Date();
  const request = `${model} ${JSON.stringify(body)}`;
  const done = startSending(ctx.sending, request);
  // Whether a send may have reached the server without a definite answer: then an abort keeps the task's
  // possibility (SubmitAbortedError), and budgets keep its credits booked.
  let ambiguous = false;
  let inFlight = false;
  try {
    for (let attempt = 0, retries = 0, resends = 0; ; attempt++) {
      try {
        inFlight = !signal?.aborted;
        const json = (await ctx.engine.attempt(spec, attempt)) as Record<string, unknown>;
        inFlight = false;
        return claim(ctx, submitted(ctx, path, json, key, estimate));
      } catch (error) {
        if (signal?.aborted) throw error; // with inFlight still telling whether this send may have arrived
        inFlight = false;
        const notProcessed =
          error instanceof RateLimitError ||
          (error instanceof ConnectionError && !error.mayHaveReachedServer);
        if (notProcessed && retries < ctx.engine.maxRetries) {
          const delay = retryDelayMs(error, retries++);
          ctx.engine.log(
            `aivideomaker: POST ${path} not processed (${(error as Error).message}); resending in ${Math.round(delay)} ms`,
          );
          await sleep(delay, signal);
          continue;
        }
        if (!mayHaveCreatedTask(error)) throw error;
        ambiguous = true;
        if (resends < IDEMPOTENT_RESENDS && (await ctx.honoursKeys(signal))) {
          const delay = backoffMs(resends++);
          ctx.engine.log(
            `aivideomaker: POST ${path} answer lost (${(error as Error).message}); resending with the same Idempotency-Key in ${Math.round(delay)} ms`,
          );
          await sleep(delay, signal);
          continue;
        }
        // No longer waiting for an answer: identical sends looking up their own tasks need not wait for us.
        done();
        const found = await reconcile(ctx, request, { model, body, sentAt, key }, error, signal);
        return { ...found, ...charged(found, estimate), idempotentReplay: false, idempotencyKey: key };
      }
    }
  } catch (error) {
    if (signal?.aborted && (ambiguous || inFlight)) {
      throw new SubmitAbortedError(model, sentAt, { cause: abortReason(signal), idempotencyKey: key });
    }
    throw error;
  } finally {
    done();
  }
}

function submitted(
  ctx: SubmitContext,
  path: string,
  json: Record<string, unknown>,
  key: string,
  estimate: number,
): GenerateResult {
  const parsed = SubmitSchema.safeParse(json);
  if (!parsed.success) {
    const text = ctx.engine.redact(JSON.stringify(json)).slice(0, 200);
    throw new MalformedResponseError({ status: 200, method: 'POST', path }, text);
  }
  ctx.observeSubmit(json);
  return {
    ...parsed.data,
    ...taskUrls(ctx.engine.baseUrl, parsed.data),
    ...charged(json, estimate),
    idempotentReplay: json.idempotentReplay === true,
    idempotencyKey: key,
  };
}

/** The server's `creditsCharged` when it says, else the list-price estimate, marked as such. */
function charged(answer: { creditsCharged?: unknown }, estimate: number) {
  const server = answer.creditsCharged;
  return typeof server === 'number' && Number.isFinite(server)
    ? { creditsCharged: server, creditsSource: 'server' as const }
    : { creditsCharged: estimate, creditsSource: 'estimate' as const };
}

/** True for failures after which the server may have created (and charged) the task. */
function mayHaveCreatedTask(error: unknown): boolean {
  if (error instanceof ConnectionError) return error.mayHaveReachedServer;
  if (error instanceof RequestTimeoutError || error instanceof ServerError) return true;
  if (error instanceof MalformedResponseError) return error.status < 400;
  return error instanceof APIError && error.status === 408;
}
