// check:bundle: fails when the committed skill script is not what the current sources build. It
// rebuilds the bundle into a temp folder and compares the bytes. (In CI the build does not rewrite the
// script, so this compares the sources with exactly what was committed.)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build } from 'tsdown';
import { SCRIPT_NAME, SKILL_DIR, skillBundleConfig } from '../bundle.config.ts';

const committedPath = join(SKILL_DIR, 'scripts', `${SCRIPT_NAME}.mjs`);
const outDir = mkdtempSync(join(tmpdir(), 'aivideomaker-skill-bundle-'));
try {
  await build({ ...skillBundleConfig(outDir), config: false, logLevel: 'silent' });
  const fresh = readFileSync(join(outDir, `${SCRIPT_NAME}.mjs`), 'utf8');
  const committed = readFileSync(committedPath, 'utf8');
  if (committed !== fresh) {
    console.error(
      `${committedPath} is stale: the sources (@aivideomaker/cli and core) build a different script.\n` +
        'Run `pnpm --filter @aivideomaker/clawhub-skill build` (outside CI) and commit the script.',
    );
    process.exitCode = 1;
  } else console.log(`check:bundle: ${relative(process.cwd(), committedPath)} matches the sources.`);
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
