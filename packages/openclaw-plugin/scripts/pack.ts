// The plugin exactly as users get it: `pnpm pack` (workspace references rewritten, only the `files`
// allowlist) extracted into a folder. The install checks install this tarball, and publish:clawhub hands
// this folder to ClawHub (which runs its own `npm pack` on it), so what is tested is what is published.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const PACKAGE_DIR = join(import.meta.dirname, '..');

/** pnpm as the running package manager (`npm_execpath`), else `pnpm` on the PATH. */
function pnpm(args: string[], cwd: string): string {
  const execpath = process.env.npm_execpath;
  return execpath && /pnpm[^/]*$/.test(execpath)
    ? execFileSync(process.execPath, [execpath, ...args], { cwd, encoding: 'utf8' })
    : execFileSync('pnpm', args, { cwd, encoding: 'utf8' });
}

export interface PackedPlugin {
  /** The .tgz that `openclaw plugins install npm-pack:<tarball>` takes. */
  tarball: string;
  /** The tarball extracted: the folder ClawHub packs and publishes. */
  folder: string;
}

export function packPlugin(destination: string): PackedPlugin {
  mkdirSync(destination, { recursive: true });
  pnpm(['pack', '--pack-destination', destination], PACKAGE_DIR);
  const name = readdirSync(destination).find((file) => file.endsWith('.tgz'));
  if (!name) throw new Error(`pnpm pack wrote no tarball into ${destination}`);
  const tarball = join(destination, name);
  execFileSync('tar', ['-xzf', tarball, '-C', destination]);
  return { tarball, folder: join(destination, 'package') };
}
