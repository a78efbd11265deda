// publish:clawhub: publishes the skill folder to ClawHub with its catalog metadata, after our validator
// and the bundle check pass. Needs CLAWHUB_TOKEN (this dev tool runs outside the skill folder, so
// reading it here is fine; the skill itself reads only its two variables). The token goes into a
// temporary clawhub config file (mode 600), never onto a command line.
// Usage: pnpm --filter @aivideomaker/clawhub-skill publish:clawhub [--dry-run] [--json] [--changelog "..."]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SKILL_DIR } from '../bundle.config.ts';
import { CATEGORIES, SKILL_DISPLAY_NAME, SKILL_SLUG, TOPICS } from '../src/skill.ts';
import { built } from './built-package.ts';

const token = process.env.CLAWHUB_TOKEN?.trim();
if (!token) {
  console.error(
    [
      'publish:clawhub needs a ClawHub API token in CLAWHUB_TOKEN.',
      '  1. Sign in at https://clawhub.ai with the GitHub account that will own the skill',
      '     (ClawHub requires the account to be at least 14 days old).',
      '  2. Create an API token in your ClawHub settings (it starts with clh_).',
      '  3. CLAWHUB_TOKEN=clh_... pnpm --filter @aivideomaker/clawhub-skill publish:clawhub [--dry-run]',
      `It publishes ${SKILL_DIR} as "${SKILL_SLUG}" (categories ${CATEGORIES.join(', ')}; topics ${TOPICS.join(', ')}).`,
    ].join('\n'),
  );
  process.exit(1);
}

const report = await built.validateSkill(SKILL_DIR);
if (!report.ok) {
  console.error(`The skill does not pass validation:\n  - ${report.problems.join('\n  - ')}`);
  process.exit(1);
}
execFileSync(process.execPath, [join(import.meta.dirname, 'check-bundle.ts')], {
  stdio: ['ignore', 'ignore', 'inherit'],
});

const require = createRequire(import.meta.url);
const clawhubManifest = require.resolve('clawhub/package.json');
const clawhubBin = join(
  dirname(clawhubManifest),
  (JSON.parse(readFileSync(clawhubManifest, 'utf8')) as { bin: Record<string, string> }).bin.clawhub ?? '',
);
const { version } = JSON.parse(readFileSync(require.resolve('@aivideomaker/cli/package.json'), 'utf8')) as {
  version: string;
};

const passThrough = process.argv.slice(2);
const hasChangelog = passThrough.includes('--changelog');
const configDir = mkdtempSync(join(tmpdir(), 'clawhub-config-'));
const configPath = join(configDir, 'config.json');
writeFileSync(
  configPath,
  JSON.stringify({ registry: process.env.CLAWHUB_REGISTRY ?? 'https://clawhub.ai', token }),
  { mode: 0o600 },
);
try {
  execFileSync(
    process.execPath,
    [
      clawhubBin,
      '--no-input',
      'skill',
      'publish',
      SKILL_DIR,
      '--slug',
      SKILL_SLUG,
      '--name',
      SKILL_DISPLAY_NAME,
      '--version',
      version,
      '--categories',
      CATEGORIES.join(','),
      '--topics',
      TOPICS.join(','),
      ...(hasChangelog ? [] : ['--changelog', `@aivideomaker/cli ${version}`]),
      ...passThrough,
    ],
    { stdio: 'inherit', env: { ...process.env, CLAWHUB_CONFIG_PATH: configPath } },
  );
} catch {
  process.exitCode = 1;
} finally {
  rmSync(configDir, { recursive: true, force: true });
}
