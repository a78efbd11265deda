// The publish path with ClawHub's own CLI (clawhub 0.23.3) against a loopback stub registry: the
// validator (ClawHub's bundled OpenClaw Plugin Inspector, run against the installed OpenClaw) passes,
// and `package publish --family code-plugin --dry-run` would publish exactly the intended files and
// uploads nothing. And publish:clawhub without a token explains what is needed.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type StubRegistry, stubRegistry } from '@aivideomaker/test-support';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { packPlugin } from '../scripts/pack.ts';
import { BIN_DIR, exec, PACKAGE_DIR, tempDir } from './helpers';

const PUBLISHED_FILES = [
  'LICENSE',
  'README.md',
  'dist/index.d.ts',
  'dist/index.js',
  'openclaw.plugin.json',
  'package.json',
];
const temp = tempDir();
let registry: StubRegistry;

beforeAll(async () => {
  registry = await stubRegistry();
});
afterAll(async () => {
  await registry.close();
  temp.remove();
});

const clawhubEnv = () => ({ HOME: temp.path, CLAWHUB_CONFIG_PATH: join(temp.path, 'clawhub.json') });

/** The file list of a dry run's text output (its --json output has only a count). */
function listedFiles(stdout: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => line.trim() === 'Files:');
  return lines
    .slice(start + 1)
    .map((line) => line.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean)
    .sort();
}

it('clawhub package validate passes and the dry run would publish exactly the built files', async () => {
  const { folder } = packPlugin(join(temp.path, 'pack'));
  const openclawDir = dirname(join(PACKAGE_DIR, 'node_modules/openclaw/package.json'));
  const validated = await exec(
    join(BIN_DIR, 'clawhub'),
    ['package', 'validate', folder, '--openclaw', openclawDir, '--out', join(temp.path, 'reports'), '--json'],
    clawhubEnv(),
  );
  expect(validated.code, validated.stderr).toBe(0);
  expect(JSON.parse(validated.stdout)).toMatchObject({
    status: 'pass',
    summary: { breakageCount: 0, warningCount: 0 },
  });

  const args = [
    '--no-input',
    '--registry',
    registry.url,
    'package',
    'publish',
    folder,
    '--family',
    'code-plugin',
    '--dry-run',
  ];
  const source = [
    '--source-repo',
    'aivideomaker/aivideomaker-agents',
    '--source-commit',
    'a'.repeat(40),
    '--source-path',
    'packages/openclaw-plugin',
  ];
  const dryRun = await exec(join(BIN_DIR, 'clawhub'), [...args, ...source], clawhubEnv());
  expect(dryRun.code, dryRun.stderr).toBe(0);
  expect(dryRun.stdout).toContain('Family:    code-plugin');
  expect(dryRun.stdout).toContain('Name:      @aivideomaker/openclaw-plugin');
  expect(dryRun.stdout).toContain('Compat:    pluginApi=>=2026.9.6, builtWith=2026.9.6');
  expect(listedFiles(dryRun.stdout)).toEqual(PUBLISHED_FILES);
  expect(registry.seen.map((request) => `${request.method} ${request.url}`)).toEqual([]); // a dry run uploads nothing

  // What ClawHub packs is pnpm's output: no workspace references, no dependencies, openclaw the only peer.
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  expect(JSON.stringify(manifest)).not.toContain('workspace:');
  expect(manifest.dependencies).toBeUndefined();
  expect(Object.keys(manifest.peerDependencies)).toEqual(['openclaw']);
}, 180_000);

it('publish:clawhub with a token validates, then runs the dry run on the packed folder', async () => {
  const token = 'clh_test_token_123';
  const result = await exec(process.execPath, [join(PACKAGE_DIR, 'scripts/publish.ts'), '--dry-run'], {
    ...clawhubEnv(),
    CLAWHUB_TOKEN: token,
    CLAWHUB_REGISTRY: registry.url,
    ...(process.env.npm_execpath ? { npm_execpath: process.env.npm_execpath } : {}),
  });
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout).toContain('Plugin Inspector: PASS');
  expect(result.stdout).toContain('Dry run - nothing will be published.');
  expect(listedFiles(result.stdout)).toEqual(PUBLISHED_FILES);
  expect(result.stdout + result.stderr).not.toContain(token);
  expect(registry.seen.map((request) => `${request.method} ${request.url}`)).toEqual([]);
}, 180_000);

it('publish:clawhub without CLAWHUB_TOKEN says what is needed and publishes nothing', async () => {
  const result = await exec(process.execPath, [join(PACKAGE_DIR, 'scripts/publish.ts')], {
    CLAWHUB_REGISTRY: registry.url,
  });
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('needs a ClawHub API token in CLAWHUB_TOKEN');
  expect(result.stderr).toContain('as a code plugin (categories media');
  expect(registry.seen.map((request) => `${request.method} ${request.url}`)).toEqual([]);
});
