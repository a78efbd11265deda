// Shared by the plugin's tests: temp folders, child processes with a minimal environment (only PATH plus
// what a test passes), and the real `openclaw` CLI in a temporary HOME.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const PACKAGE_DIR = dirname(import.meta.dirname);
export const BIN_DIR = join(PACKAGE_DIR, 'node_modules', '.bin');
/** PATH with this Node first, so OpenClaw's own `npm`/`node` children run on the same Node. */
export const PATH = `${dirname(process.execPath)}:${process.env.PATH ?? ''}`;

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
/** The OpenClaw CLI and runtime need Node >= 24.16. */
export const OPENCLAW_RUNS = major > 24 || (major === 24 && minor >= 16);

export function tempDir(prefix = 'aivideomaker-openclaw-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function exec(
  command: string,
  args: string[],
  env: Record<string, string>,
  cwd?: string,
): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { PATH, ...env }, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The environment of an OpenClaw in `home`: its state there, and npm kept offline (no registry). */
export function openclawEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    HOME: home,
    OPENCLAW_STATE_DIR: join(home, '.openclaw'),
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    ...extra,
  };
}

export function openclaw(home: string, args: string[], env: Record<string, string> = {}): Promise<Exit> {
  return exec(join(BIN_DIR, 'openclaw'), args, openclawEnv(home, env));
}
