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
