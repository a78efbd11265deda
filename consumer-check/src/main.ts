// `pnpm check:consumer`: the consumer check over every public package of the workspace (new packages are
// picked up by themselves; their README examples join once they are marked with `<!-- run -->`).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { consumerCheck } from './check.ts';
import { installedPackages } from './readme.ts';
import type { Manifest } from './tarball.ts';

const root = join(import.meta.dirname, '..', '..');
const started = Date.now();

interface WorkspaceProject {
  name: string;
  path: string;
  private: boolean;
}
const projects = JSON.parse(
  execFileSync('pnpm', ['-r', 'ls', '--depth', '-1', '--json'], { cwd: root, encoding: 'utf8' }),
) as WorkspaceProject[];
const manifests = new Map(
  projects.map((project) => [
    project.path,
    JSON.parse(readFileSync(join(project.path, 'package.json'), 'utf8')) as Manifest,
  ]),
);
const publicDirs = projects.filter((project) => !manifests.get(project.path)?.private).map((p) => p.path);
const publicNames = new Set(publicDirs.map((dir) => manifests.get(dir)?.name));

// What a user installs next to our packages: the frameworks they peer on and whatever a README's install
// line names, at the exact versions the workspace pins (so npm's cache is warm and CI is repeatable).
const wanted = new Set(['typescript', '@types/node']);
for (const dir of publicDirs) {
  const manifest = manifests.get(dir) as Manifest & {
    peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  };
  // Optional peers (e.g. the OpenClaw host) are what a user may leave out; a README install line adds them.
  for (const name of Object.keys(manifest?.peerDependencies ?? {}))
    if (!manifest?.peerDependenciesMeta?.[name]?.optional) wanted.add(name);
  for (const name of installedPackages(readFileSync(join(dir, 'README.md'), 'utf8'))) wanted.add(name);
}
const pins = new Map<string, string>();
for (const manifest of manifests.values())
  for (const [name, range] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies }))
    if (/^\d+\.\d+\.\d+$/.test(range)) pins.set(name, range);
const dependencies: Record<string, string> = {};
const unpinned: string[] = [];
for (const name of [...wanted].sort()) {
  if (publicNames.has(name)) continue;
  const version = pins.get(name);
  if (version) dependencies[name] = version;
  else unpinned.push(name);
}
if (unpinned.length) {
  console.error(`consumer check: no exact version pinned in the workspace for ${unpinned.join(', ')}`);
  process.exit(1);
}

// One version line: a public package outside the changesets fixed group could be released alone.
const fixed = new Set(
  (
    JSON.parse(readFileSync(join(root, '.changeset', 'config.json'), 'utf8')) as { fixed: string[][] }
  ).fixed.flat(),
);
const unfixed = [...publicNames].filter((name) => name && !fixed.has(name));

const { failures, projectDir } = await consumerCheck({
  packages: publicDirs,
  dependencies,
  emulator: true,
  postgres: true,
  typecheck: true,
  cjsApp: join(import.meta.dirname, '..', 'fixtures', 'cjs-app.cjs'),
});
if (unfixed.length)
  failures.push(
    `${unfixed.join(', ')}: add to the "fixed" group in .changeset/config.json (one version line)`,
  );
const seconds = ((Date.now() - started) / 1000).toFixed(0);
if (failures.length) {
  console.error(`\nconsumer check: ${failures.length} problem(s) in ${seconds} s\n`);
  for (const failure of failures) console.error(`- ${failure}\n`);
  if (projectDir) console.error(`The consumer project is kept at ${projectDir} to look at.`);
  process.exit(1);
}
console.log(
  `consumer check: ${publicDirs.length} packages installed from their tarballs and working (${seconds} s)`,
);
