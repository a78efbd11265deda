// Test harness: the emulator over real HTTP on loopback, the CLI run in-process with captured streams,
// and the built bin run as a real process (piped, or on a pseudo-terminal through `script`).

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { type Emulator, type EmulatorOptions, startEmulator } from '@aivideomaker/emulator';
import { type CliIo, runCli } from '../src/index';

export const API_KEY = 'cli-test-key-1f6a2b';
export const BIN = join(import.meta.dirname, '../dist/bin.mjs');

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

export function emulator(options: EmulatorOptions & Record<string, unknown> = {}): Promise<Emulator> {
  return startEmulator({ apiKeys: [API_KEY], speed: 100, ...options });
}

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
export function spawnProcess(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'aivideomaker-cli-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** The requests the emulator received for the API (not the video file downloads). */
export function apiRequests(emu: Emulator) {
  return emu.requests.filter((request) => request.path.startsWith('/api/'));
}

/** The paid requests (POST /api/v1/generate/...); a free quote may precede each. */
export function paidRequests(emu: Emulator) {
  return emu.requests.filter((request) => request.path.startsWith('/api/v1/generate/'));
}

/** An MP4 starts with an `ftyp` box: 4 size bytes, then the type. */
export function isMp4(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(4, 8)).toString('latin1') === 'ftyp';
}
