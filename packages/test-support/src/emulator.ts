// The emulator as every package's tests start it: in-process, over real HTTP on loopback, with time
// compressed `speed` times, and the client options compressed the same way (the rate-limit window and the
// polling pauses), so a minute-long job takes a fraction of a second and the limits still hold. The key is
// a sentinel: a test that finds it in an output, a message or an error has found a leak.
import { type Emulator, type EmulatorOptions, startEmulator } from '@aivideomaker/emulator';
import { afterAll, beforeAll, beforeEach } from 'vitest';

export const KEY = 'fake-key-SENTINEL-7d3e9b1a';
export const SPEED = 200;

/** Emulator options; `Record` lets a test pass options only some emulator versions know. */
export type StartOptions = EmulatorOptions & Record<string, unknown>;

/** What a time-compressed client needs (structural, so this package depends on no copy of core). */
export interface CompressedClientOptions {
  apiKey: string;
  baseUrl: string;
  rateLimit: { limit: number; windowMs: number };
  poll: { minIntervalMs: number; maxIntervalMs: number };
}

export interface CompressedEmulator {
  key: string;
  speed: number;
  /** The emulator's rate-limit window at this speed: 60 query requests per `windowMs`. */
  windowMs: number;
  /** Starts an emulator accepting `key` at `speed` (and the `defaults`), with `options` on top. */
  emulator(options?: StartOptions): Promise<Emulator>;
  /** Options for `new AIVideoMaker(...)` against `target` (an emulator or its URL). */
  clientOptions(target: Emulator | string): CompressedClientOptions;
}

export interface CompressedEmulatorOptions {
  key?: string;
  speed?: number;
  /** Emulator options every start gets (a test's own options override them). */
  defaults?: StartOptions;
  poll?: CompressedClientOptions['poll'];
}

export function compressedEmulator(options: CompressedEmulatorOptions = {}): CompressedEmulator {
  const {
    key = KEY,
    speed = SPEED,
    defaults = {},
    poll = { minIntervalMs: 10, maxIntervalMs: 40 },
  } = options;
  const windowMs = 60_000 / speed;
  return {
    key,
    speed,
    windowMs,
    emulator: (overrides = {}) => startEmulator({ speed, apiKeys: [key], ...defaults, ...overrides }),
    clientOptions: (target) => ({
      apiKey: key,
      baseUrl: typeof target === 'string' ? target : target.url,
      rateLimit: { limit: 60, windowMs },
      poll,
    }),
  };
}

/**
 * One emulator for a whole test file: started before the first test, closed after the last, and (unless
 * `reset` is false) its recorded requests and injected faults cleared before each test. The value is
 * usable at the top of the file; its properties are read from the running emulator.
 */
export function emulatorPerFile(start: () => Promise<Emulator>, reset = true): Emulator {
  let current: Emulator | undefined;
  beforeAll(async () => {
    current = await start();
  });
  afterAll(() => current?.close());
  if (reset)
    beforeEach(() => {
      current?.faults.clear();
      current?.clearRequests();
    });
  return new Proxy({} as Emulator, {
    get(_, property) {
      if (!current) throw new Error('The emulator of this file is used before its beforeAll ran');
      const value = Reflect.get(current, property, current);
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
}

/**
 * Whether the installed emulator implements the live API's additions (its `api` mode). Tests of the
 * additions run only then; everything else holds against either.
 */
export const LIVE_EMULATOR: boolean = await (async () => {
  const probe = await startEmulator({});
  const live = (probe as { api?: string }).api === 'live';
  await probe.close();
  return live;
})();

/** Requests the emulator received on the API (not the video file downloads). */
export const apiRequests = (emu: Emulator) =>
  emu.requests.filter((request) => request.path.startsWith('/api/'));

/** The paid POSTs (a paid tool asks the free quote first, which is not one of them). */
export const generatePosts = (emu: Emulator) =>
  emu.requests.filter((request) => request.method === 'POST' && request.path.startsWith('/api/v1/generate/'));

/** What the emulator was asked to generate: the model, key and parsed JSON body of each paid POST. */
export function generateRequests(emu: Emulator) {
  return generatePosts(emu).map((request) => ({
    model: request.path.slice('/api/v1/generate/'.length),
    key: request.headers.key,
    body: JSON.parse(request.body) as Record<string, unknown>,
  }));
}

/** Requests for the task query endpoints (status, get, list: the rate-limited ones). */
export const queryRequests = (emu: Emulator) =>
  emu.requests.filter((request) => request.path.startsWith('/api/v1/tasks'));

/**
 * The GET /tasks/{id} requests not right after that task's own status poll (a list that already held the
 * finished task came last instead). A batched wait fetches a task only after a status poll saw it end.
 */
export function fetchesWithoutStatusPoll(emu: Emulator): string[] {
  const queries = queryRequests(emu).filter((request) => request.method === 'GET');
  const isList = (path: string) => path === '/api/v1/tasks';
  return queries.flatMap(({ path }, i) => {
    if (isList(path) || path.endsWith('/status')) return [];
    const before = queries.slice(0, i).findLast((q) => isList(q.path) || q.path === `${path}/status`);
    return before?.path === `${path}/status` ? [] : [path];
  });
}
