// What every request of one API key shares: one client (one rate limiter, one watcher), one tool set (one
// credit budget) and one MCP task store. stdio has one; over HTTP there is one per bearer key, found by a
// hash of the key so the key itself is never a map key that a heap dump or a debugger listing would show.
import { createHash } from 'node:crypto';
import { AIVideoMaker, type Logger, MissingApiKeyError } from '@aivideomaker/core';
import { createVideoToolSpecs, type VideoToolSpec } from '@aivideomaker/core/tools';
import type { ServerOptions } from './options';
import { VideoTaskStore } from './task-store';

export interface KeySession {
  /** The client of this key; throws MissingApiKeyError when there is no key (tools still list). */
  client(): AIVideoMaker;
  specs: VideoToolSpec[];
  taskStore: VideoTaskStore;
  options: ServerOptions;
}

function clientOptions(options: ServerOptions, apiKey: string | undefined, logger: Logger | undefined) {
  const poll = options.pollIntervalMs;
  return {
    ...(apiKey ? { apiKey } : {}),
    ...(poll ? { poll: { minIntervalMs: poll, maxIntervalMs: poll } } : {}),
    ...(logger ? { logger } : {}),
  };
}

/** A session for `apiKey`, or for AIVIDEOMAKER_API_KEY when it is undefined. */
export function createKeySession(
  options: ServerOptions,
  apiKey: string | undefined,
  logger?: Logger,
): KeySession {
  let client: AIVideoMaker | undefined;
  let missing: MissingApiKeyError | undefined;
  try {
    client = new AIVideoMaker(clientOptions(options, apiKey, logger));
  } catch (error) {
    if (!(error instanceof MissingApiKeyError)) throw error;
    missing = error;
  }
  const specs = createVideoToolSpecs({
    // Without a key core's own lazy client raises the same MissingApiKeyError on the first call.
    ...(client ? { client } : {}),
    wait: options.waitMs > 0 ? { timeoutMs: options.waitMs } : false,
    ...(options.maxCreditsPerCall === undefined ? {} : { maxCreditsPerCall: options.maxCreditsPerCall }),
    ...(options.maxCreditsTotal === undefined ? {} : { maxCreditsTotal: options.maxCreditsTotal }),
    ...(options.allowedModels ? { allowedModels: options.allowedModels } : {}),
    localFiles: options.imageFolders.length > 0 ? { roots: options.imageFolders } : false,
  });
  return {
    client: () => {
      if (!client) throw missing ?? new MissingApiKeyError();
      return client;
    },
    specs,
    taskStore: new VideoTaskStore(),
    options,
  };
}

/** One session per key for the life of the process (HTTP mode). */
export class KeySessions {
  readonly #sessions = new Map<string, KeySession>();
  readonly #options: ServerOptions;
  readonly #logger: Logger | undefined;

  constructor(options: ServerOptions, logger?: Logger) {
    this.#options = options;
    this.#logger = logger;
  }

  get(apiKey: string): KeySession {
    const id = createHash('sha256').update(apiKey).digest('hex');
    let session = this.#sessions.get(id);
    if (!session) {
      session = createKeySession(this.#options, apiKey, this.#logger);
      this.#sessions.set(id, session);
    }
    return session;
  }

  get size(): number {
    return this.#sessions.size;
  }
}
