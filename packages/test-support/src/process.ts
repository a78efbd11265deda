// Child processes for tests: a command run to its end with its output collected, and an environment that
// is minimal on purpose (only PATH plus what a test passes), so nothing of the developer's shell leaks in.
import { spawn } from 'node:child_process';
import { dirname } from 'node:path';

/** PATH with this Node first, so a child's `node` (and npm's) is the one running the tests. */
export const NODE_FIRST_PATH = `${dirname(process.execPath)}:${process.env.PATH ?? ''}`;

export interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface ExecOptions {
  cwd?: string;
  /** PATH of the child when `env` has none (default: NODE_FIRST_PATH). */
  path?: string;
  /** `pipe` keeps the child's stdin open (e.g. `script`, which relays it to a pseudo-terminal). */
  stdin?: 'ignore' | 'pipe';
}

/** Runs a command (no shell unless the command is one) with `env` only, and collects its output. */
export function exec(
  command: string,
  args: readonly string[],
  env: Record<string, string>,
  options: ExecOptions = {},
): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { PATH: options.path ?? NODE_FIRST_PATH, ...env },
      cwd: options.cwd,
      stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => (stdout += chunk));
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface Served {
  /** The first capture group of `ready` (e.g. the URL the process printed). */
  ready: string;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM, resolved once the process has exited. */
  stop(): Promise<void>;
}

export interface ServeOptions {
  cwd?: string;
  /** The child's environment, whole (pass `process.env`-based objects explicitly). */
  env?: NodeJS.ProcessEnv;
  /** Matched against everything printed; its first group is `ready`. */
  ready: RegExp;
  /** How long the process may take to print `ready` (default 100 s: cold starts on a loaded machine). */
  timeoutMs?: number;
}

/** Starts a long-running process (a server) and resolves once it prints `ready`; rejects if it exits first. */
export function serve(command: string, args: readonly string[], options: ServeOptions): Promise<Served> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? { PATH: NODE_FIRST_PATH },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop();
      reject(new Error(`${command} ${why}:\n${output}`));
    };
    const timer = setTimeout(
      () => fail(`printed nothing matching ${options.ready}`),
      options.timeoutMs ?? 100_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(options.ready);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      resolve({ ready: match[1], output: () => output, stop });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', (error) => fail(`failed to start: ${error.message}`));
    child.once('exit', (code) => fail(`exited with ${code}`));
  });
}
