// The real OpenClaw runtime (npm openclaw, Node >= 24.16) loads the skill: installed into a temporary
// HOME, `openclaw skills info --json` reports it eligible with the key set and missing the key without.
// Plus OpenClaw's own author lint, quick_validate.py. Slow (a few seconds): one install for the file.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUIRED_ENV, SKILL_SLUG } from '../src/index';
import { BIN_DIR, exec, PACKAGE_DIR, SKILL_DIR, tempDir } from './helpers';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const openclawRuns = major > 24 || (major === 24 && minor >= 16);
const home = tempDir();
const openclaw = (args: string[], env: Record<string, string> = {}) =>
  exec(join(BIN_DIR, 'openclaw'), args, {
    HOME: home.path,
    OPENCLAW_STATE_DIR: join(home.path, '.openclaw'),
    ...env,
  });

afterAll(() => home.remove());

describe.skipIf(!openclawRuns)('OpenClaw 2026.9.6 runtime', () => {
  beforeAll(async () => {
    const installed = await openclaw(['skills', 'install', SKILL_DIR]);
    expect(installed.code, installed.stderr).toBe(0);
  }, 30_000);

  it('installs the folder into the workspace and reports it eligible only with the key', async () => {
    const [withKey, withoutKey] = await Promise.all([
      openclaw(['skills', 'info', SKILL_SLUG, '--json'], { [REQUIRED_ENV]: 'fake-key-not-a-real-key' }),
      openclaw(['skills', 'info', SKILL_SLUG, '--json']),
    ]);
    expect(withKey.code, withKey.stderr).toBe(0);
    const eligible = JSON.parse(withKey.stdout);
    expect(eligible).toMatchObject({
      name: SKILL_SLUG,
      source: 'openclaw-workspace',
      baseDir: join(home.path, '.openclaw', 'workspace', 'skills', SKILL_SLUG),
      primaryEnv: REQUIRED_ENV,
      eligible: true,
      modelVisible: true,
      requirements: { bins: ['node'], env: [REQUIRED_ENV] },
      missing: { bins: [], env: [] },
    });
    expect(existsSync(join(eligible.baseDir, 'scripts', 'aivideomaker.mjs'))).toBe(true);

    const missing = JSON.parse(withoutKey.stdout);
    expect(missing).toMatchObject({ eligible: false, modelVisible: false, missing: { env: [REQUIRED_ENV] } });
  }, 30_000);
});

const hasPython = spawnSync('python3', ['--version']).status === 0;

describe.skipIf(!hasPython)('OpenClaw author lint', () => {
  it('quick_validate.py from the openclaw package accepts the folder', () => {
    const script = join(PACKAGE_DIR, 'node_modules/openclaw/skills/skill-creator/scripts/quick_validate.py');
    expect(execFileSync('python3', [script, SKILL_DIR], { encoding: 'utf8' })).toContain('Skill is valid!');
  });
});
