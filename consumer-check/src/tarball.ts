// What a packed tarball must and must not hold. The file list is what `npm publish` would upload, so
// this is the automated form of reading `npm publish --dry-run`.
import { execFileSync } from 'node:child_process';

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  files?: string[];
  main?: string;
  module?: string;
  types?: string;
  bin?: string | Record<string, string>;
  exports?: unknown;
  license?: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** Files in a tarball, relative to the package root (without npm's `package/` prefix). */
export function tarballFiles(tarball: string): string[] {
  const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
  return listing
    .split('\n')
    .filter((entry) => entry && !entry.endsWith('/'))
    .map((entry) => entry.replace(/^package\//, ''))
    .sort();
}

export function tarballManifest(tarball: string): Manifest {
  return JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
}

// Never meant for users: maps (the code is unminified), sources, tests, build configs.
const UNWANTED: [RegExp, string][] = [
  [/\.map$/, 'a source map'],
  [/(^|\/)(test|tests|__tests__)\//, 'a test file'],
  [/\.test\.[cm]?[jt]s$/, 'a test file'],
  [/^src\//, 'a source file'],
  [/(^|\/)(tsconfig[^/]*\.json|tsdown\.config\.ts|vitest\.config\.ts|\.tsbuildinfo)$/, 'a build config'],
];

function referencedFiles(manifest: Manifest): string[] {
  const found = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value === 'string') {
      if (value.startsWith('./') && !value.includes('*')) found.add(value.slice(2));
    } else if (value && typeof value === 'object') for (const inner of Object.values(value)) visit(inner);
  };
  visit(manifest.exports);
  for (const field of [manifest.main, manifest.module, manifest.types])
    if (field) visit(`./${field.replace(/^\.\//, '')}`);
  const bins = typeof manifest.bin === 'string' ? [manifest.bin] : Object.values(manifest.bin ?? {});
  for (const bin of bins) visit(`./${bin.replace(/^\.\//, '')}`);
  return [...found];
}

/** Every problem with one packed package; empty when it is fit to publish. */
export function tarballProblems(files: readonly string[], manifest: Manifest): string[] {
  const problems: string[] = [];
  const has = new Set(files);
  for (const needed of ['package.json', 'README.md', 'LICENSE'])
    if (!has.has(needed)) problems.push(`${needed} is missing from the tarball`);
  for (const file of referencedFiles(manifest)) {
    if (!has.has(file)) problems.push(`package.json points at ${file}, which is not in the tarball`);
    const types = file.replace(/\.mjs$/, '.d.mts').replace(/\.cjs$/, '.d.cts');
    const isBin = Object.values(typeof manifest.bin === 'string' ? { x: manifest.bin } : (manifest.bin ?? {}))
      .map((bin) => bin.replace(/^\.\//, ''))
      .includes(file);
    if (types !== file && !isBin && !has.has(types)) problems.push(`${file} has no types (${types})`);
  }
  for (const file of files)
    for (const [pattern, what] of UNWANTED) if (pattern.test(file)) problems.push(`${file} is ${what}`);
  for (const entry of manifest.files ?? [])
    if (!entry.startsWith('!') && !files.some((file) => file === entry || file.startsWith(`${entry}/`)))
      problems.push(`"files" names ${entry}, which does not exist`);
  if (manifest.license !== 'MIT') problems.push(`license is ${manifest.license}, expected MIT`);
  const ranges = { ...manifest.dependencies, ...manifest.peerDependencies };
  for (const [name, range] of Object.entries(ranges))
    if (/^(workspace|catalog|link|file):/.test(range))
      problems.push(`dependency ${name} is still "${range}"`);
  return problems;
}

/**
 * Problems across all packages: internal dependencies must be caret ranges of the packed version (so an
 * app gets one core however its packages were installed), and every package must ask for the same zod.
 */
export function crossPackageProblems(manifests: readonly Manifest[]): string[] {
  const problems: string[] = [];
  const versions = new Map(manifests.map((manifest) => [manifest.name, manifest.version]));
  const zodRanges = new Map<string, string[]>();
  for (const manifest of manifests) {
    const ranges = { ...manifest.dependencies, ...manifest.peerDependencies };
    for (const [name, range] of Object.entries(ranges)) {
      const version = versions.get(name);
      if (version && range !== `^${version}`)
        problems.push(`${manifest.name} depends on ${name} "${range}"; publish "^${version}" (workspace:^)`);
      if (name === 'zod') zodRanges.set(range, [...(zodRanges.get(range) ?? []), manifest.name]);
    }
  }
  if (zodRanges.size > 1)
    problems.push(
      `zod ranges differ: ${[...zodRanges].map(([range, names]) => `${range} (${names.join(', ')})`).join('; ')}`,
    );
  return problems;
}
