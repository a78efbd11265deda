// Test harness: the emulator over real HTTP on loopback, the CLI run in-process with captured streams,
// and the built bin run as a real process (piped, or on a pseudo-terminal through `script`).

import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Emulator } from '@aivideomaker/emulator';
import { type Exit, exec } from '@aivideomaker/test-support';
import { compressedEmulator } from '@aivideomaker/test-support/emulator';
import { type CliIo, runCli } from '../src/index';

export { isMp4, tempDir } from '@aivideomaker/test-support';
export { apiRequests, emulatorPerFile, LIVE_EMULATOR } from '@aivideomaker/test-support/emulator';

export const API_KEY = 'cli-test-key-1f6a2b';
export const BIN = join(import.meta.dirname, '../dist/bin.mjs');

export const { emulator } = compressedEmulator({ key: API_KEY, speed: 100 });

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as one JSON object (the --json contract). */
  json(): Record<string, unknown>;
}

export interface RunOptions {
  env?: CliIo['env'];
  cwd?: string;
  /** Pretend stdin and stderr are a terminal (for the confirmation prompt). */
  tty?: boolean;
  /** What the user types on stdin. */
  input?: string;
  signal?: AbortSignal;
}

function capture(isTTY: boolean) {
  const stream = { text: '', isTTY, columns: 100, write: (chunk: string) => (stream.text += chunk) };
  return stream;
}

export async function run(
  argv: string[],
  emu: Emulator | undefined,
  options: RunOptions = {},
): Promise<RunResult> {
  const stdout = capture(false);
  const stderr = capture(options.tty ?? false);
  const stdin = Object.assign(Readable.from(options.input === undefined ? [] : [options.input]), {
    isTTY: options.tty ?? false,
  });
  const env = options.env ?? { AIVIDEOMAKER_API_KEY: API_KEY, AIVIDEOMAKER_BASE_URL: emu?.url };
  const code = await runCli(argv, {
    stdout,
    stderr,
    stdin,
    env,
    cwd: options.cwd ?? process.cwd(),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { code, stdout: stdout.text, stderr: stderr.text, json: () => JSON.parse(stdout.text) };
}

/** Runs a command line as a child process and collects its output (no shell unless the command is one). */
export function spawnProcess(command: string, args: string[], env: Record<string, string>): Promise<Exit> {
  return exec(command, args, env, { path: process.env.PATH ?? '', stdin: 'pipe' });
}

/** The paid requests (POST /api/v1/generate/...); a free quote may precede each. */
export function paidRequests(emu: Emulator) {
  return emu.requests.filter((request) => request.path.startsWith('/api/v1/generate/'));
}
