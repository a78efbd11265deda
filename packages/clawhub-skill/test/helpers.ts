// Shared by the skill's tests: where the skill is, temp copies to break on purpose, and child
// processes with a minimal environment (only PATH plus what a test passes).
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SKILL_SLUG } from '../src/index';

export const PACKAGE_DIR = dirname(import.meta.dirname);
export const SKILL_DIR = join(PACKAGE_DIR, 'skill', SKILL_SLUG);
export const BIN_DIR = join(PACKAGE_DIR, 'node_modules', '.bin');
/** PATH with this Node first, so `node` (a required bin of the skill) is the one running the tests. */
export const PATH = `${dirname(process.execPath)}:${process.env.PATH ?? ''}`;

export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'aivideomaker-skill-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A copy of the skill folder under `parent`, named `name` (the folder name is the slug). */
export function copySkill(parent: string, name = SKILL_SLUG): string {
  const target = join(parent, name);
  cpSync(SKILL_DIR, target, { recursive: true });
  return target;
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
