// The process surface the CLI touches, injectable so tests run it in-process. Only the two documented
// variables are read from the environment, by name: the bundled skill script may not touch any other.
import type { Readable } from 'node:stream';

export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliEnv {
  AIVIDEOMAKER_API_KEY?: string | undefined;
  AIVIDEOMAKER_BASE_URL?: string | undefined;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: Readable & { isTTY?: boolean };
  env: CliEnv;
  /** Relative `--out` and `--image` paths resolve against it. */
  cwd: string;
  /** Aborting it stops any wait or download at once (the bin wires Ctrl-C to it). */
  signal?: AbortSignal;
}

export function processIo(signal?: AbortSignal): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: {
      AIVIDEOMAKER_API_KEY: process.env.AIVIDEOMAKER_API_KEY,
      AIVIDEOMAKER_BASE_URL: process.env.AIVIDEOMAKER_BASE_URL,
    },
    cwd: process.cwd(),
    ...(signal ? { signal } : {}),
  };
}
