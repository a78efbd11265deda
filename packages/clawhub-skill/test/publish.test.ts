// ClawHub's own CLI (clawhub 0.23.3) packs the skill exactly as it would publish it, against a loopback
// stub registry: exactly SKILL.md and the script, nothing else even when strays sit in the folder. And
// our publish:clawhub script: without a token it explains what is needed; with one it publishes.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type StubRegistry, stubRegistry } from '@aivideomaker/test-support';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CATEGORIES, PUBLISHED_FILES, SKILL_DISPLAY_NAME, SKILL_SLUG } from '../src/index';
import { BIN_DIR, copySkill, exec, PACKAGE_DIR, SKILL_DIR, tempDir } from './helpers';

const temp = tempDir();
let registry: StubRegistry;

beforeAll(async () => {
  registry = await stubRegistry({
    '/api/v1/resolve': { match: null, latestVersion: null },
    '/api/v1/whoami': { user: { handle: 'tester' } },
  });
});
afterAll(async () => {
  await registry.close();
  temp.remove();
});

/** ClawHub's fingerprint: sha256 over the sorted `path:sha256` lines of the files it uploads. */
function fingerprint(dir: string, files: readonly string[]): string {
  const sha = (path: string) =>
    createHash('sha256')
      .update(readFileSync(join(dir, path)))
      .digest('hex');
  const lines = [...files].sort((a, b) => a.localeCompare(b)).map((path) => `${path}:${sha(path)}`);
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

async function dryRun(dir: string) {
  const config = join(temp.path, `clawhub-${registry.seen.length}.json`);
  const args = [
    '--no-input',
    '--registry',
    registry.url,
    'skill',
    'publish',
    dir,
    '--dry-run',
    '--json',
    '--version',
    '0.1.0',
  ];
  const result = await exec(join(BIN_DIR, 'clawhub'), args, { CLAWHUB_CONFIG_PATH: config, HOME: temp.path });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

it('clawhub skill publish --dry-run would upload exactly SKILL.md and the bundled script', async () => {
  const expected = fingerprint(SKILL_DIR, PUBLISHED_FILES);
  expect(await dryRun(SKILL_DIR)).toMatchObject({
    ok: true,
    status: 'would-publish',
    slug: SKILL_SLUG,
    version: '0.1.0',
    fileCount: PUBLISHED_FILES.length,
    fingerprint: expected,
  });
  expect(registry.seen.at(-1)?.query.get('hash')).toBe(expected);
});

it('.clawhubignore keeps sources, tests, maps and logs out even when they sit in the folder', async () => {
  const dir = copySkill(join(temp.path, 'strays'));
  const strays = [
    'src/index.ts',
    'test/skill.test.ts',
    'scripts/aivideomaker.mjs.map',
    'debug.log',
    '.env',
    'node_modules/x/index.js',
  ];
  for (const stray of strays) {
    mkdirSync(join(dir, stray, '..'), { recursive: true });
    writeFileSync(join(dir, stray), 'stray\n');
  }
  expect(await dryRun(dir)).toMatchObject({
    fileCount: PUBLISHED_FILES.length,
    fingerprint: fingerprint(dir, PUBLISHED_FILES),
  });
});

it('publish:clawhub without CLAWHUB_TOKEN says what is needed and publishes nothing', async () => {
  const before = registry.seen.length;
  const result = await exec(process.execPath, [join(PACKAGE_DIR, 'scripts/publish.ts')], {
    CLAWHUB_REGISTRY: registry.url,
  });
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('needs a ClawHub API token in CLAWHUB_TOKEN');
  expect(result.stderr).toContain('https://clawhub.ai');
  expect(result.stderr).toContain(`categories ${CATEGORIES.join(', ')}`);
  expect(registry.seen.length).toBe(before);
});

it('publish:clawhub with a token publishes the skill with its name, version and catalog metadata', async () => {
  const token = 'clh_test_token_123';
  const result = await exec(
    process.execPath,
    [join(PACKAGE_DIR, 'scripts/publish.ts'), '--dry-run', '--json'],
    {
      CLAWHUB_TOKEN: token,
      CLAWHUB_REGISTRY: registry.url,
      HOME: temp.path,
    },
  );
  expect(result.code, result.stderr).toBe(0);
  const cliVersion = JSON.parse(readFileSync(join(PACKAGE_DIR, '../cli/package.json'), 'utf8')).version;
  expect(JSON.parse(result.stdout)).toMatchObject({
    status: 'would-publish',
    slug: SKILL_SLUG,
    displayName: SKILL_DISPLAY_NAME,
    version: cliVersion,
    fileCount: PUBLISHED_FILES.length,
  });
  const resolve = registry.seen.filter((request) => request.path === '/api/v1/resolve').at(-1);
  expect(resolve?.headers.authorization).toBe(`Bearer ${token}`);
  expect(result.stdout + result.stderr).not.toContain(token);
});
