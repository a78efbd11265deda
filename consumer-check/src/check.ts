// The consumer check: pack, inspect the tarballs, install them with npm into a fresh project outside the
// workspace, then run the READMEs' marked examples and a CommonJS app there against the emulator.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { type Served, serve } from '@aivideomaker/test-support';
import { startPostgres, type TestPostgres } from '../../scripts/postgres.ts';
import { type NamedBlock, runBlocks, typecheckBlocks, writeBlocks } from './blocks.ts';
import { mapLimit, run, tail } from './process.ts';
import { createProject } from './project.ts';
import { extractBlocks, importedPackages, installedPackages, relativeLinks } from './readme.ts';
import {
  crossPackageProblems,
  type Manifest,
  tarballFiles,
  tarballManifest,
  tarballProblems,
} from './tarball.ts';

export interface CheckOptions {
  /** Package folders to pack (each with its package.json and README.md). */
  packages: readonly string[];
  /** Exact versions of everything else the consumer project installs. */
  dependencies: Record<string, string>;
  offline?: boolean;
  /** Start `aivideomaker-emulator` from the installed tarball and point the examples at it. */
  emulator?: boolean;
  /**
   * Start a throwaway Postgres cluster (scripts/postgres.ts: loopback, a temporary folder) and give the
   * examples a fresh database's URL as DATABASE_URL, like a user's app (the shared limiter's quick start).
   */
  postgres?: boolean;
  /** A CommonJS app to copy into the project and run (gets the package names in CONSUMER_CHECK_PACKAGES). */
  cjsApp?: string;
  typecheck?: boolean;
  log?: (line: string) => void;
}

export interface CheckResult {
  failures: string[];
  projectDir: string | undefined;
}

/** The key the emulator accepts; the examples read it from AIVIDEOMAKER_API_KEY like any user's app. */
export const EMULATOR_KEY = 'consumer-check-key';

export async function consumerCheck(options: CheckOptions): Promise<CheckResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const failures: string[] = [];
  const packDir = await mkdtemp(join(tmpdir(), 'aivideomaker-packs-'));
  const tarballs = await mapLimit(options.packages, 2, (dir) => pack(dir, packDir));
  const manifests: Manifest[] = [];
  const blocks: NamedBlock[] = [];
  for (const tarball of tarballs) {
    const files = tarballFiles(tarball);
    const manifest = tarballManifest(tarball);
    manifests.push(manifest);
    log(`${manifest.name}@${manifest.version}: ${files.length} files, ${files.join(' ')}`);
    for (const problem of tarballProblems(files, manifest)) failures.push(`${manifest.name}: ${problem}`);
    if (files.includes('README.md')) blocks.push(...readmeBlocks(tarball, manifest, failures));
  }
  failures.push(...crossPackageProblems(manifests));

  log(
    `installing ${tarballs.length} tarballs and ${Object.keys(options.dependencies).length} other packages with npm`,
  );
  let projectDir: string | undefined;
  try {
    projectDir = await createProject({
      tarballs,
      dependencies: options.dependencies,
      offline: options.offline,
    });
  } catch (error) {
    failures.push((error as Error).message);
    return { failures, projectDir };
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${join(projectDir, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`,
    CONSUMER_CHECK_PACKAGES: JSON.stringify(manifests.map((manifest) => manifest.name)),
  };
  const emulator = options.emulator ? await startEmulator(projectDir) : undefined;
  let postgres: TestPostgres | undefined;
  try {
    if (emulator)
      Object.assign(env, { AIVIDEOMAKER_API_KEY: EMULATOR_KEY, AIVIDEOMAKER_BASE_URL: emulator.ready });
    if (options.postgres) {
      postgres = await startPostgres();
      env.DATABASE_URL = postgres.createDatabase('consumer_check');
    }
    const files = await writeBlocks(projectDir, blocks);
    log(
      `running ${blocks.filter((block) => block.mode === 'run').length} README blocks (${blocks.length} marked)`,
    );
    failures.push(...(await runBlocks(projectDir, files, env, log)));
    if (options.cjsApp) {
      await copyFile(options.cjsApp, join(projectDir, 'cjs-app.cjs'));
      const result = await run('node', ['cjs-app.cjs'], { cwd: projectDir, env, timeoutMs: 90_000 });
      log(`  ${result.code === 0 ? 'ok  ' : 'FAIL'} CommonJS app (${(result.ms / 1000).toFixed(1)} s)`);
      if (result.code !== 0) failures.push(`the CommonJS app failed:\n${tail(result.output)}`);
    }
    if (options.typecheck) {
      const typeFailures = await typecheckBlocks(projectDir, files);
      log(
        `  ${typeFailures.length ? 'FAIL' : 'ok  '} type-check of the TypeScript blocks (nodenext, bundler)`,
      );
      failures.push(...typeFailures);
    }
  } finally {
    postgres?.stop();
    await emulator?.stop();
    await rm(packDir, { recursive: true, force: true });
  }
  if (failures.length === 0) await rm(projectDir, { recursive: true, force: true });
  return { failures, projectDir: failures.length ? projectDir : undefined };
}

async function pack(dir: string, destination: string): Promise<string> {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
  const result = await run('pnpm', ['pack', '--pack-destination', destination], {
    cwd: dir,
    timeoutMs: 120_000,
  });
  if (result.code !== 0) throw new Error(`pnpm pack failed in ${dir}:\n${tail(result.output)}`);
  return join(destination, `${manifest.name.replace(/^@/, '').replace('/', '-')}-${manifest.version}.tgz`);
}

function readmeBlocks(tarball: string, manifest: Manifest, failures: string[]): NamedBlock[] {
  const readme = execFileSync('tar', ['-xzOf', tarball, 'package/README.md'], { encoding: 'utf8' });
  for (const link of relativeLinks(readme))
    failures.push(`${manifest.name} README.md links to ${link}, which breaks on npm: use an absolute URL`);
  let blocks: ReturnType<typeof extractBlocks>;
  try {
    blocks = extractBlocks(readme);
  } catch (error) {
    failures.push(`${manifest.name} README.md: ${(error as Error).message}`);
    return [];
  }
  // Every package an example imports must be on the README's install line, or users cannot run it.
  const installable = new Set([manifest.name, ...installedPackages(readme)]);
  const slugBase = basename(manifest.name);
  return blocks.map((block, index) => {
    const label = `${manifest.name} README.md:${block.line}`;
    for (const name of importedPackages(block.code))
      if (!installable.has(name))
        failures.push(`${label} imports ${name}, which the README's install line leaves out`);
    return { ...block, label, slug: `${slugBase}-${index + 1}-line${block.line}` };
  });
}

/** The emulator as a user starts it: the installed bin, first stdout line = base URL. */
async function startEmulator(projectDir: string): Promise<Served> {
  const bin = join(projectDir, 'node_modules', '.bin', 'aivideomaker-emulator');
  const args = ['--port', '0', '--speed', '100', '--quiet', '--api-key', EMULATOR_KEY];
  return serve(bin, args, { cwd: projectDir, env: process.env, ready: /^(http:\/\/\S+)$/m });
}
