// publish:clawhub: publishes the plugin to ClawHub as a code plugin. Builds nothing itself: it packs the
// built package (scripts/pack.ts), runs ClawHub's own validator (the bundled OpenClaw Plugin Inspector)
// against the installed OpenClaw, then `clawhub package publish --family code-plugin` on the packed
// folder. Needs CLAWHUB_TOKEN; the token goes into a temporary clawhub config file (mode 600), never onto
// a command line. Usage: pnpm --filter @aivideomaker/openclaw-plugin publish:clawhub [--dry-run] [...]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PACKAGE_DIR, packPlugin } from './pack.ts';

const SOURCE_REPO = 'aivideomaker/aivideomaker-agents';
const CATEGORIES = ['media'];
const TOPICS = ['video', 'text-to-video', 'image-to-video', 'video-generation'];

const token = process.env.CLAWHUB_TOKEN?.trim();
if (!token) {
  console.error(
    [
      'publish:clawhub needs a ClawHub API token in CLAWHUB_TOKEN.',
      '  1. Sign in at https://clawhub.ai with the account that owns the @aivideomaker publisher',
      '     (the package scope must equal the publisher handle).',
      '  2. Create an API token in your ClawHub settings (it starts with clh_).',
      '  3. CLAWHUB_TOKEN=clh_... pnpm --filter @aivideomaker/openclaw-plugin publish:clawhub [--dry-run]',
      `It publishes the built package as a code plugin (categories ${CATEGORIES.join(', ')}; topics ${TOPICS.join(', ')}).`,
    ].join('\n'),
  );
  process.exit(1);
}

const require = createRequire(import.meta.url);
function binOf(name: string): string {
  const manifest = require.resolve(`${name}/package.json`);
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> };
  return join(dirname(manifest), bin[name] ?? '');
}

const work = mkdtempSync(join(tmpdir(), 'aivideomaker-openclaw-publish-'));
const configPath = join(work, 'clawhub.json');
writeFileSync(
  configPath,
  JSON.stringify({ registry: process.env.CLAWHUB_REGISTRY ?? 'https://clawhub.ai', token }),
  { mode: 0o600 },
);
const env = { ...process.env, CLAWHUB_CONFIG_PATH: configPath };
try {
  const { folder } = packPlugin(join(work, 'pack'));
  const clawhub = (args: string[]) =>
    execFileSync(process.execPath, [binOf('clawhub'), '--no-input', ...args], { stdio: 'inherit', env });
  // Against the OpenClaw this package is built and tested with, so validation works offline too
  // (without --openclaw the inspector downloads openclaw@latest). openclaw exports no ./package.json,
  // so its folder is found through this package's node_modules.
  const openclawDir = realpathSync(join(PACKAGE_DIR, 'node_modules', 'openclaw'));
  clawhub(['package', 'validate', folder, '--openclaw', openclawDir, '--out', join(work, 'reports')]);
  const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: PACKAGE_DIR, encoding: 'utf8' }).trim();
  clawhub([
    'package',
    'publish',
    folder,
    '--family',
    'code-plugin',
    '--source-repo',
    SOURCE_REPO,
    '--source-commit',
    commit,
    '--source-path',
    'packages/openclaw-plugin',
    '--categories',
    CATEGORIES.join(','),
    '--topics',
    TOPICS.join(','),
    ...process.argv.slice(2),
  ]);
} catch (error) {
  // clawhub's own failures are already on stderr (inherited); anything else is said here.
  const status = (error as { status?: unknown }).status;
  if (typeof status !== 'number') console.error(`publish:clawhub: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
