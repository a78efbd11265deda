// The user's side: a fresh npm project outside the workspace, with the packed tarballs and the
// frameworks installed by npm (not pnpm), so nothing resolves through the workspace's node_modules.
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { run, tail } from './process.ts';
import { tarballManifest } from './tarball.ts';

export interface ProjectOptions {
  tarballs: readonly string[];
  /** name -> exact version, for everything besides our tarballs (frameworks, typescript, @types/node). */
  dependencies: Record<string, string>;
  /** No registry at all: for the self-test, whose fixture has no dependencies. */
  offline?: boolean;
}

export async function createProject(options: ProjectOptions): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'aivideomaker-consumer-'));
  await mkdir(join(dir, 'tarballs'));
  const dependencies: Record<string, string> = { ...options.dependencies };
  for (const tarball of options.tarballs) {
    await copyFile(tarball, join(dir, 'tarballs', basename(tarball)));
    dependencies[tarballManifest(tarball).name] = `file:./tarballs/${basename(tarball)}`;
  }
  const manifest = { name: 'consumer-app', private: true, type: 'module', dependencies };
  await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const args = ['install', '--no-audit', '--no-fund', '--loglevel=error', '--no-package-lock'];
  args.push(options.offline ? '--offline' : '--prefer-offline');
  const result = await run('npm', args, { cwd: dir, timeoutMs: 300_000 });
  if (result.code !== 0) throw new Error(`npm install failed in ${dir}:\n${tail(result.output)}`);
  return dir;
}
