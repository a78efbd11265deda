// Shared test helpers: an emulator per test file and a tiny fetch wrapper that speaks the API's headers.
import { afterEach } from 'vitest';
import { type Emulator, type EmulatorOptions, startEmulator } from '../src/index';

export const KEY = 'test-key';

/** Starts an emulator that is closed after the current test; `defaults` apply to every start. */
export function useEmulator(
  defaults: EmulatorOptions = {},
): (options?: EmulatorOptions) => Promise<Emulator> {
  const started: Emulator[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((emu) => emu.close()));
  });
  return async (options = {}) => {
    const emu = await startEmulator({ apiKeys: [KEY], speed: 1000, ...defaults, ...options });
    started.push(emu);
    return emu;
  };
}

export interface CallOptions {
  method?: string;
  body?: unknown;
  /** Raw body text, sent as is. */
  raw?: string;
  key?: string | null;
  headers?: Record<string, string>;
}

export async function call(emu: Emulator, path: string, options: CallOptions = {}) {
  const { method = 'GET', body, raw, key = KEY, headers = {} } = options;
  const response = await fetch(`${emu.url}${path}`, {
    method,
    headers: {
      ...(key === null ? {} : { key }),
      ...(body === undefined && raw === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await response.text();
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary fields of the JSON answers
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export const t2v = (extra: Record<string, unknown> = {}) => ({
  prompt: 'A cinematic sunset over a futuristic city skyline',
  aspectRatio: '16:9',
  duration: '5',
  ...extra,
});

export const IMAGE = 'https://example.com/cat.png';

export async function submit(
  emu: Emulator,
  model: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const result = await call(emu, `/api/v1/generate/${model}`, { method: 'POST', body, headers });
  if (result.status !== 200) throw new Error(`submit failed: ${result.status} ${result.text}`);
  return result.json as {
    status: string;
    taskId: string;
    responseUrl: string;
    statusUrl: string;
    cancelUrl: string;
    /** Default (live) mode only. */
    creditsCharged?: number;
    idempotentReplay?: boolean;
    idempotencyKey?: string | null;
  };
}

/** Polls `check` until it returns a value other than undefined (fails after `timeoutMs`). */
export async function waitFor<T>(
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('waitFor: timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function waitForStatus(emu: Emulator, taskId: string, status: string, timeoutMs?: number) {
  return waitFor(() => {
    const task = emu.tasks().find((candidate) => candidate.id === taskId);
    return task?.status === status ? task : undefined;
  }, timeoutMs);
}

/** The video URL of a finished task in either mode: `{ video }` (seed) or `{ url, msg, error }` (live). */
export function videoUrlOf(output: unknown): string {
  const value = output as { video?: string; url?: string | null } | null;
  return value?.url ?? value?.video ?? '';
}
