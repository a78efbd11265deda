// `pnpm release`: build, run every check (the full `pnpm test`, which ends with the consumer check), then
// publish the public packages with changesets (`changeset publish` publishes each version the registry
// does not have yet). Run it after `pnpm changeset version` was committed.
//
// `pnpm release --dry-run`: the same up to the upload. It builds and checks the packages (`check:pkg`),
// applies the pending changesets to a scratch copy of the manifests (the real `changeset version`), shows
// the version every public package would get and the ranges it would publish, and runs
// `npm publish --dry-run` on each package as it would be uploaded, listing its files. Nothing is written
// to the repository and nothing is published.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync as readdir,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const dryRun = process.argv.includes('--dry-run');
const changeset = join(root, 'node_modules', '@changesets', 'cli', 'bin.js');

type Manifest = { name: string; version: string; private?: boolean } & Record<string, unknown>;
const sh = (command: string, args: string[], cwd = root) =>
  execFileSync(command, args, { cwd, stdio: 'inherit', env: process.env });
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

const projects = (
  JSON.parse(
    execFileSync('pnpm', ['-r', 'ls', '--depth', '-1', '--json'], { cwd: root, encoding: 'utf8' }),
  ) as {
    path: string;
  }[]
).filter((project) => project.path !== root);
const publicDirs = projects
  .map((project) => project.path)
  .filter((dir) => !(readJson(join(dir, 'package.json')) as Manifest).private);

// One version line: every public package is in the changesets fixed group, so they are released together
// and an app never mixes a new core with an old adapter's pinned one.
const config = readJson(join(root, '.changeset', 'config.json')) as { fixed: string[][] };
const fixed = new Set(config.fixed.flat());
const outside = publicDirs
  .map((dir) => readJson(join(dir, 'package.json')).name)
  .filter((name) => !fixed.has(name));
if (outside.length) {
  console.error(`release: add ${outside.join(', ')} to the "fixed" group in .changeset/config.json`);
  process.exit(1);
}

if (!dryRun) {
  const pending = readdir(join(root, '.changeset')).filter(
    (file) => file.endsWith('.md') && file !== 'README.md',
  );
  if (pending.length) {
    console.error(
      `release: ${pending.length} changesets are pending; run \`pnpm changeset version\`, commit, then release`,
    );
    process.exit(1);
  }
  sh('pnpm', ['test']);
  sh('node', [changeset, 'publish']);
  process.exit(0);
}

sh('pnpm', ['turbo', 'run', 'build', 'check:pkg', '--concurrency=2', '--output-logs=errors-only']);

// The real `changeset version`, on a scratch copy of the manifests and changesets.
const scratch = mkdtempSync(join(tmpdir(), 'aivideomaker-release-'));
try {
  for (const file of ['package.json', 'pnpm-workspace.yaml', '.changeset'])
    cpSync(join(root, file), join(scratch, file), { recursive: true });
  for (const { path } of projects) {
    const dir = join(scratch, relative(root, path));
    cpSync(join(path, 'package.json'), join(dir, 'package.json'));
    if (existsSync(join(path, 'CHANGELOG.md'))) cpSync(join(path, 'CHANGELOG.md'), join(dir, 'CHANGELOG.md'));
  }
  execFileSync('node', [changeset, 'version'], { cwd: scratch, stdio: ['ignore', 'ignore', 'inherit'] });

  const planned = new Map<string, string>();
  for (const dir of publicDirs) {
    const manifest = readJson(join(scratch, relative(root, dir), 'package.json')) as Manifest;
    planned.set(manifest.name, manifest.version);
  }
  const versions = new Set(planned.values());
  console.log(`\nrelease plan: ${[...planned].map(([name, version]) => `${name}@${version}`).join(', ')}`);
  if (versions.size !== 1) {
    console.error('release: the public packages would get different versions; they must share one');
    process.exit(1);
  }

  // Each package as `pnpm publish` uploads it: the built files, the new manifest and changelog, and
  // `workspace:^` turned into a caret range of the new version.
  for (const dir of publicDirs) {
    const scratchDir = join(scratch, relative(root, dir));
    const manifest = readJson(join(scratchDir, 'package.json')) as Manifest;
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
      const ranges = manifest[field] as Record<string, string> | undefined;
      for (const [name, range] of Object.entries(ranges ?? {}))
        if (range.startsWith('workspace:'))
          ranges![name] = `${range.slice('workspace:'.length)}${planned.get(name)}`;
    }
    writeFileSync(join(scratchDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    for (const entry of readdir(dir))
      if (!['package.json', 'CHANGELOG.md', 'node_modules'].includes(entry))
        cpSync(join(dir, entry), join(scratchDir, entry), { recursive: true });
    const internal = Object.entries((manifest.dependencies ?? {}) as Record<string, string>)
      .filter(([name]) => planned.has(name))
      .map(([name, range]) => `${name} ${range}`);
    console.log(
      `\n== ${manifest.name}@${manifest.version}${internal.length ? ` (depends on ${internal.join(', ')})` : ''}`,
    );
    sh('npm', ['publish', '--dry-run', '--loglevel=notice'], scratchDir);
  }
  console.log(
    '\nrelease --dry-run: nothing was published. `pnpm changeset version`, commit, then `pnpm release`.',
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
