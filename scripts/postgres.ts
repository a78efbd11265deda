// Shared test support: a throwaway Postgres cluster on loopback in a temporary folder, removed on stop
// (and when the process exits). Debian's postgresql package provides the binaries (.ci/run installs it);
// initdb refuses to run as root, so as root the cluster belongs to the package's `postgres` user.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPostgres {
  /** postgres://test@127.0.0.1:<port>/postgres (trust auth, loopback only). */
  url: string;
  /** A fresh database on the cluster; resolves with its URL. */
  createDatabase(name: string): string;
  stop(): void;
}

function binDir(): string {
  const fromPath = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' }).stdout.trim();
  const versions = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) {
    const dir = `/usr/lib/postgresql/${version}/bin`;
    if (existsSync(join(dir, 'initdb'))) return dir;
  }
  if (fromPath) return fromPath.replace(/\/pg_ctl$/, '');
  throw new Error('Postgres is not installed: run `apt-get install postgresql` (.ci/run does).');
}

/** The user the cluster runs as: ourselves, or `postgres` when we are root. */
function owner(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error('Running as root needs the `postgres` user (created by the postgresql package).');
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = binDir();
  const user = owner();
  const dir = mkdtempSync(join(tmpdir(), 'aivm-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const run = (command: string, args: string[]) => {
    const result = spawnSync(join(bin, command), args, { encoding: 'utf8', cwd: dir, ...user });
    if (result.status !== 0) {
      throw new Error(`${command} failed: ${result.stderr || result.stdout || result.error?.message}`);
    }
    return result.stdout;
  };
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    spawnSync(join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'immediate', '-w'], { cwd: dir, ...user });
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', stop);
  try {
    run('initdb', ['-D', data, '-U', 'test', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    const port = await freePort();
    const settings = [
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}`,
      '-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200',
    ].join(' ');
    run('pg_ctl', ['start', '-D', data, '-w', '-t', '60', '-l', join(dir, 'log'), '-o', settings]);
    const base = `postgres://test@127.0.0.1:${port}`;
    const psql = (sql: string) => run('psql', ['-X', '-q', '-d', `${base}/postgres`, '-c', sql]);
    return {
      url: `${base}/postgres`,
      createDatabase(name: string) {
        if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
        psql(`CREATE DATABASE ${name}`);
        return `${base}/${name}`;
      },
      stop,
    };
  } catch (error) {
    stop();
    throw error;
  }
}
