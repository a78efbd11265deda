// The emulator's options, their defaults, and checks that name the option and what is allowed.
import {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_TASK_BYTES_PER_KEY,
  DEFAULT_REQUEST_LOG,
  MAX_TIMER_MS,
  MIN_SPEED,
} from './limits';
import { type PriceTable, type ResolvedPrices, resolvePrices } from './prices';
import type { RateLimitOptions } from './rate-limiter';
import type { RequestLogLimits } from './request-log';

/** `live` (default): the seed document plus every addition of api-live.md. `seed`: the document only. */
export type ApiMode = 'live' | 'seed';
export const API_MODES: readonly ApiMode[] = ['live', 'seed'];

/** Key limits reported by GET /api/v1/account (reported only, not enforced); -1 means unlimited. */
export interface AccountLimits {
  dailyCreditLimit?: number;
  generationRequestsPerMinute?: number;
  creditWarningAt?: number;
}

export interface EmulatorOptions {
  /** Port to listen on (default 0 = a free port; the CLI defaults to 4010). */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Accepted API keys; omitted = any non-empty key is accepted. */
  apiKeys?: readonly string[];
  /** Starting credit balance of every key (default 1000). */
  credits?: number;
  /** Time compression: every lifecycle duration, webhook retry delay and the rate-limit window is divided by it (default 1). */
  speed?: number;
  /** Share of tasks (0..1) that end FAILED at random, drawn from `seed` (default 0). */
  failureRate?: number;
  /** Seed of the failure draws, so a run repeats exactly (default 1). */
  seed?: number;
  /** Query-endpoint limit per client IP (default 60 per 60 000 ms, window divided by speed); false disables it. */
  rateLimit?: RateLimitOptions | false;
  /** Enables the /__emulator/ control routes (default false). */
  faultControl?: boolean;
  /** No request log on stderr (default true in-process; the CLI logs unless --quiet). */
  quiet?: boolean;
  /** Where the MP4 assets are, for bundlers that move this package's code away from its assets folder. */
  assetsDir?: string;
  /** Which API to emulate (default 'live'; 'seed' turns every api-live.md addition off). */
  api?: ApiMode;
  /** Credits per second of video per model (default: the documented list prices), and a multiplier. */
  prices?: PriceTable;
  /** What GET /api/v1/account reports as the key's limits (default -1, unlimited, for each). */
  accountLimits?: AccountLimits;
  /** Request bodies over this many bytes get 413 and are not kept (default 16 MiB). */
  maxBodyBytes?: number;
  /** Task inputs kept per API key; the key's oldest finished tasks are forgotten past it (default 64 MiB). */
  maxTaskBytesPerKey?: number;
  /** Bounds of the request log (`emu.requests`), a ring (default 10 000 entries, 64 MiB). */
  requestLog?: Partial<RequestLogLimits>;
  /** Hosts (`host` or `host:port`) webhooks may be sent to; omitted = wherever the caller's webhookUrl points. */
  webhookHosts?: readonly string[];
  /** Receives warnings, such as a port fetch() refuses (default: process.emitWarning). */
  onWarning?: (message: string) => void;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  apiKeys: ReadonlySet<string> | undefined;
  credits: number;
  speed: number;
  failureRate: number;
  seed: number;
  rateLimit: RateLimitOptions | false;
  faultControl: boolean;
  quiet: boolean;
  assetsDir: string | undefined;
  live: boolean;
  prices: ResolvedPrices;
  accountLimits: Required<AccountLimits>;
  maxBodyBytes: number;
  maxTaskBytesPerKey: number;
  requestLog: RequestLogLimits;
  webhookHosts: ReadonlySet<string> | undefined;
  onWarning: (message: string) => void;
}

function check(ok: boolean, name: string, allowed: string, value: unknown): void {
  if (!ok) throw new RangeError(`Emulator option ${name} must be ${allowed} (got ${String(value)})`);
}

export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  const { port = 0, host = '127.0.0.1', credits = 1000, speed = 1, failureRate = 0, seed = 1 } = options;
  check(Number.isInteger(port) && port >= 0 && port <= 65535, 'port', 'an integer 0-65535', port);
  check(typeof host === 'string' && host !== '', 'host', 'a non-empty string', host);
  check(Number.isFinite(credits) && credits >= 0, 'credits', 'a finite number >= 0', credits);
  // Slower than MIN_SPEED, timers would overflow Node's limit and fire at once.
  check(Number.isFinite(speed) && speed >= MIN_SPEED, 'speed', `a finite number >= ${MIN_SPEED}`, speed);
  check(
    typeof failureRate === 'number' && failureRate >= 0 && failureRate <= 1,
    'failureRate',
    'a number from 0 to 1',
    failureRate,
  );
  check(Number.isInteger(seed), 'seed', 'an integer', seed);
  const keys = options.apiKeys;
  if (keys !== undefined) {
    check(Array.isArray(keys) && keys.length > 0, 'apiKeys', 'a non-empty array of keys', keys);
    check(
      keys.every((key) => typeof key === 'string' && key.trim() !== ''),
      'apiKeys',
      'non-empty strings',
      '[redacted]',
    );
  }
  const rateLimit = options.rateLimit ?? { limit: 60, windowMs: 60_000 };
  if (rateLimit) {
    check(
      Number.isInteger(rateLimit.limit) && rateLimit.limit > 0,
      'rateLimit.limit',
      'an integer > 0',
      rateLimit.limit,
    );
    check(
      rateLimit.windowMs > 0 && rateLimit.windowMs / speed <= MAX_TIMER_MS,
      'rateLimit.windowMs',
      `a number > 0 (at most ${MAX_TIMER_MS} once divided by speed)`,
      rateLimit.windowMs,
    );
  }
  const api = options.api ?? 'live';
  check(API_MODES.includes(api), 'api', `one of ${API_MODES.join(', ')}`, api);
  const accountLimits = { dailyCreditLimit: -1, generationRequestsPerMinute: -1, creditWarningAt: -1 };
  for (const [name, value] of Object.entries(options.accountLimits ?? {})) {
    check(
      name in accountLimits,
      `accountLimits.${name}`,
      `one of ${Object.keys(accountLimits).join(', ')}`,
      name,
    );
    check(Number.isInteger(value) && value >= -1, `accountLimits.${name}`, 'an integer >= -1', value);
    accountLimits[name as keyof typeof accountLimits] = value;
  }
  const sizes = { maxBodyBytes: DEFAULT_MAX_BODY_BYTES, maxTaskBytesPerKey: DEFAULT_MAX_TASK_BYTES_PER_KEY };
  for (const name of ['maxBodyBytes', 'maxTaskBytesPerKey'] as const) {
    const value = options[name] ?? sizes[name];
    check(Number.isInteger(value) && value >= 1024, name, 'an integer >= 1024 (bytes)', value);
    sizes[name] = value;
  }
  check(
    sizes.maxTaskBytesPerKey >= sizes.maxBodyBytes,
    'maxTaskBytesPerKey',
    `at least maxBodyBytes (${sizes.maxBodyBytes}), so one task always fits`,
    sizes.maxTaskBytesPerKey,
  );
  const requestLog = { ...DEFAULT_REQUEST_LOG, ...options.requestLog };
  check(
    Number.isInteger(requestLog.maxEntries) && requestLog.maxEntries > 0,
    'requestLog.maxEntries',
    'an integer > 0',
    requestLog.maxEntries,
  );
  check(
    Number.isInteger(requestLog.maxBytes) && requestLog.maxBytes >= 65_536,
    'requestLog.maxBytes',
    'an integer >= 65536',
    requestLog.maxBytes,
  );
  const hosts = options.webhookHosts;
  if (hosts !== undefined) {
    check(
      Array.isArray(hosts) && hosts.every((host) => typeof host === 'string' && /^[^\s/?#@]+$/.test(host)),
      'webhookHosts',
      'an array of host names (e.g. "127.0.0.1", "hooks.test:8080")',
      hosts,
    );
  }
  const onWarning =
    options.onWarning ?? ((message: string) => process.emitWarning(message, 'EmulatorWarning'));
  check(typeof onWarning === 'function', 'onWarning', 'a function', onWarning);
  return {
    port,
    host,
    apiKeys: keys ? new Set(keys) : undefined,
    credits,
    speed,
    failureRate,
    seed,
    rateLimit: rateLimit && { limit: rateLimit.limit, windowMs: rateLimit.windowMs / speed },
    faultControl: options.faultControl ?? false,
    quiet: options.quiet ?? true,
    assetsDir: options.assetsDir,
    live: api === 'live',
    prices: resolvePrices(options.prices),
    accountLimits,
    ...sizes,
    requestLog,
    webhookHosts: hosts && new Set(hosts.map((host) => host.toLowerCase())),
    onWarning,
  };
}
