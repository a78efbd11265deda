// The client: options and defaults, the paid generate, the task resource, run = generate + wait.
// The API key is held in a private field of the request engine; JSON.stringify and util.inspect of the
// client show `apiKey: '[redacted]'`.
import { assertApiKey, normalizeBaseUrl } from './config';
import { API_KEY_ENV, BASE_URL_ENV, DEFAULT_BASE_URL, readEnv } from './env';
import { InputValidationError, MissingApiKeyError } from './errors';
import { type GenerateOptions, submitGeneration } from './generate';
import { RequestEngine } from './http/engine';
import { type Logger, REDACTED } from './http/logger';
import { budgetOf, DEFAULT_RATE_LIMIT, type RateLimitSetting } from './http/rate-limiter';
import { type Account, fetchAccount } from './live/account';
import { LiveFeatures } from './live/features';
import { fetchQuote, type Quote } from './live/quote';
import { validateInputImages } from './media';
import type { ModelInput, ModelName } from './models';
import { DEFAULT_RECONCILE, type ReconcileOptions } from './reconcile';
import type { GenerateResult, Task } from './responses';
import { type CallOptions, Tasks } from './tasks';
import { assertWebhookUrl, describeValue, durationOption, toWireInput } from './validate';
import { type PollOptions, TaskWatcher, type WaitOptions } from './watcher';
import { registerWebhookTarget } from './webhook-confirm';

export interface ClientOptions {
  /** Defaults to the AIVIDEOMAKER_API_KEY environment variable. */
  apiKey?: string | undefined;
  /** Defaults to AIVIDEOMAKER_BASE_URL, else https://aivideomaker.ai. */
  baseUrl?: string | undefined;
  /** A fetch implementation (default: the global fetch). */
  fetch?: typeof fetch;
  /** Per-request timeout in ms (default 60 000). */
  timeoutMs?: number;
  /** Retries of a failed read (default 2); generate is only resent when it provably was not processed. */
  maxRetries?: number;
  /**
   * Client-side limit of query calls: `{ limit, windowMs }` (default 60 per minute, the API's limit), a
   * `QueryLimiter` shared with other clients or processes (e.g. `@aivideomaker/limiter`), or false.
   */
  rateLimit?: RateLimitSetting;
  /** Gets one redacted line per request. */
  logger?: Logger;
  /** Polling intervals of the shared watcher. */
  poll?: PollOptions;
  /** How a generate whose answer was lost is looked up in tasks.list(). */
  reconcile?: ReconcileOptions;
}

/** generate's options plus wait's (timeoutMs, onUpdate, cancelOnAbort); one signal for both. */
export type RunOptions = GenerateOptions & Omit<WaitOptions, 'signal'>;

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

export class AIVideoMaker {
  readonly baseUrl: string;
  readonly tasks: Tasks;
  readonly #engine: RequestEngine;
  readonly #watcher: TaskWatcher;
  readonly #claimed = new Set<string>();
  readonly #sending = new Map<string, Set<Promise<void>>>();
  readonly #reconcile: Required<ReconcileOptions>;
  readonly #features = new LiveFeatures();

  constructor(options: ClientOptions = {}) {
    const apiKey = options.apiKey?.trim() || readEnv(API_KEY_ENV);
    if (!apiKey) throw new MissingApiKeyError();
    assertApiKey(apiKey);
    this.baseUrl = normalizeBaseUrl(
      options.baseUrl ?? readEnv(BASE_URL_ENV) ?? DEFAULT_BASE_URL,
      options.fetch === undefined,
    );
    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function')
      throw new TypeError('No fetch available: pass { fetch } to new AIVideoMaker()');
    this.#engine = new RequestEngine({
      apiKey,
      baseUrl: this.baseUrl,
      fetch: fetchImpl.bind(globalThis),
      timeoutMs: durationOption('timeoutMs', options.timeoutMs) ?? 60_000,
      maxRetries: retriesOption(options.maxRetries),
      rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
      logger: options.logger,
    });
    this.#reconcile = { ...DEFAULT_RECONCILE, ...options.reconcile };
    this.tasks = new Tasks(this.#engine, () => this.#watcher);
    this.#watcher = new TaskWatcher(
      {
        status: (taskId, signal) => this.tasks.status(taskId, { signal }),
        list: (signal) => this.tasks.list({ signal }),
        get: (taskId, signal) => this.tasks.get(taskId, { signal }),
        cancel: (taskId) => this.tasks.cancel(taskId),
        log: (message) => this.#engine.log(message),
      },
      pollOption(options.poll),
    );
    registerWebhookTarget(this, {
      hint: (taskId) => this.#watcher.hint(taskId),
      rateLimit: budgetOf(options.rateLimit ?? DEFAULT_RATE_LIMIT),
    });
  }

  /**
   * Creates a generation task (a paid request; credits are charged at submit). Input is validated
   * locally first; `duration` may be given as a number and is sent as the documented string.
   */
  async generate<M extends ModelName>(
    model: M,
    input: ModelInput<M>,
    options: GenerateOptions = {},
  ): Promise<GenerateResult> {
    const body = this.#checkedBody(model, input);
    if (options.webhookUrl !== undefined) assertWebhookUrl(options.webhookUrl);
    return submitGeneration(
      {
        engine: this.#engine,
        listTasks: (signal) => this.tasks.list({ signal }),
        claimed: this.#claimed,
        sending: this.#sending,
        ...this.#reconcile,
        honoursKeys: async (signal) => {
          if (!this.#features.honoursIdempotency && this.#features.state !== 'absent') {
            const probe = () => fetchAccount(this.#engine, signal, true);
            await this.#features.use('the account route', probe, true, signal).catch(() => undefined);
          }
          return this.#features.honoursIdempotency;
        },
        observeSubmit: (answer) => this.#features.observeSubmit(answer),
      },
      model,
      body,
      options,
    );
  }

  /**
   * The account (live API): balance, supported models, key limits. A server that implements only the
   * documented API rejects with NotOfferedError (code `not_offered`), asked once per client.
   */
  account(options: CallOptions = {}): Promise<Account> {
    const { signal } = options;
    return this.#features.use('the account route', () => fetchAccount(this.#engine, signal), true, signal);
  }

  /**
   * The price of a generation before paying. Validates locally first (nothing is sent for bad input), then
   * asks the server's non-billable quote; without that route, the local list price (`source: 'estimate'`).
   */
  async quote<M extends ModelName>(
    model: M,
    input: ModelInput<M>,
    options: CallOptions = {},
  ): Promise<Quote> {
    return fetchQuote(this.#engine, this.#features, model, this.#checkedBody(model, input), options.signal);
  }

  #checkedBody(model: ModelName, input: unknown): Record<string, unknown> {
    const body = toWireInput(model, input) as Record<string, unknown>;
    validateInputImages(body);
    return body;
  }

  /** generate + wait: resolves with the COMPLETED task. */
  async run<M extends ModelName>(model: M, input: ModelInput<M>, options: RunOptions = {}): Promise<Task> {
    const { webhookUrl, signal, idempotencyKey, maxCredits, ...wait } = options;
    const { taskId } = await this.generate(model, input, { webhookUrl, signal, idempotencyKey, maxCredits });
    return this.tasks.wait(taskId, { ...wait, signal });
  }

  /** Feeds a task state confirmed elsewhere (a verified webhook) to the waits of this client. */
  observeTask(task: Task): void {
    this.#watcher.observe(task);
  }

  toJSON(): Record<string, unknown> {
    return { baseUrl: this.baseUrl, apiKey: REDACTED };
  }

  [INSPECT](): string {
    return `AIVideoMaker { baseUrl: '${this.baseUrl}', apiKey: '${REDACTED}' }`;
  }
}

function retriesOption(value: unknown): number {
  if (value === undefined) return 2;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new InputValidationError('maxRetries', `${describeValue(value)} is not a whole number >= 0`);
  }
  return value;
}

function pollOption(poll: PollOptions | undefined): PollOptions | undefined {
  if (!poll) return undefined;
  const minIntervalMs = durationOption('poll.minIntervalMs', poll.minIntervalMs);
  const maxIntervalMs = durationOption('poll.maxIntervalMs', poll.maxIntervalMs);
  return { ...(minIntervalMs ? { minIntervalMs } : {}), ...(maxIntervalMs ? { maxIntervalMs } : {}) };
}
