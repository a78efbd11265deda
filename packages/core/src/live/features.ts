// What this client knows of the server's additions to the documented API (api-live.md). Nothing is
// required: the first call to an added route (account or quote) tells, every later one trusts the answer,
// and calls made while that first one is on its way wait for it, so a server that implements only the
// documented API costs this client at most one extra request, ever.
import { type APIErrorDetails, NotFoundError, NotOfferedError } from '../errors';
import { abortReason } from '../http/abort';

export type AdditionsState = 'unknown' | 'present' | 'absent';

export class LiveFeatures {
  #state: AdditionsState = 'unknown';
  #absent: APIErrorDetails | undefined;
  #probe: Promise<unknown> | undefined;
  #idempotency = false;

  get state(): AdditionsState {
    return this.#state;
  }

  /** The server replays a request with the same Idempotency-Key instead of creating a second task. */
  get honoursIdempotency(): boolean {
    return this.#idempotency;
  }

  /** A generate answer: one that carries `idempotentReplay` comes from a server that honours keys. */
  observeSubmit(answer: Record<string, unknown>): void {
    if (typeof answer.idempotentReplay === 'boolean') {
      this.#idempotency = true;
      this.#state = 'present';
    }
  }

  /**
   * Calls an added route. A 404 without an errorCode means the server does not offer the additions:
   * remembered, and a NotOfferedError from then on without a request. `vouches` marks an answer that
   * proves keys are honoured (account: the vendor documents both together).
   */
  async use<T>(feature: string, call: () => Promise<T>, vouches = false, signal?: AbortSignal): Promise<T> {
    while (this.#state === 'unknown' && this.#probe) await settled(this.#probe, signal);
    if (this.#state === 'absent') throw new NotOfferedError(feature, this.#absent as APIErrorDetails);
    const run = call().then(
      (value) => {
        this.#state = 'present';
        if (vouches) this.#idempotency = true;
        return value;
      },
      (error: unknown) => {
        if (error instanceof NotFoundError && !(error instanceof NotOfferedError) && !error.errorCode) {
          this.#state = 'absent';
          this.#absent = { status: error.status, method: error.method, path: error.path };
          throw new NotOfferedError(feature, this.#absent);
        }
        throw error;
      },
    );
    if (this.#state === 'unknown') this.#probe = run;
    try {
      return await run;
    } finally {
      if (this.#probe === run) this.#probe = undefined;
    }
  }
}

/** Resolves when `promise` settles, either way; rejects at once with the reason when `signal` aborts. */
function settled(promise: Promise<unknown>, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const onAbort = () => reject(abortReason(signal as AbortSignal));
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    };
    promise.then(done, done);
  });
}
