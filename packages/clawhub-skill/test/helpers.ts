// Shared by the skill's tests: where the skill is and temp copies to break on purpose; child processes
// with a minimal environment (only PATH, with this Node first, plus what a test passes) come from
// @aivideomaker/test-support.
import { cpSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SKILL_SLUG } from '../src/index';

export { exec, tempDir } from '@aivideomaker/test-support';

export const PACKAGE_DIR = dirname(import.meta.dirname);
export const SKILL_DIR = join(PACKAGE_DIR, 'skill', SKILL_SLUG);
export const BIN_DIR = join(PACKAGE_DIR, 'node_modules', '.bin');

/** A copy of the skill folder under `parent`, named `name` (the folder name is the slug). */
export function copySkill(parent: string, name = SKILL_SLUG): string {
  const target = join(parent, name);
  cpSync(SKILL_DIR, target, { recursive: true });
  return target;
}
