// The command line in scripts: the URL in a --ready-file, and an emulator started through a launcher that
// does not pass signals on (like `npx`) stops when that launcher is killed.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '..', 'dist', 'cli.mjs');
const children: ChildProcess[] = [];
const dirs: string[] = [];

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run pnpm build first`);
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-cli-'));
  dirs.push(dir);
  return dir;
}

async function until<T>(probe: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}

const readUrl = (file: string) =>
  existsSync(file) ? readFileSync(file, 'utf8').trim() || undefined : undefined;
const refused = (url: string) =>
  fetch(`${url}/api/v1/tasks`, { headers: { key: 'k' } }).then(
    () => undefined,
    () => true,
  );

describe('aivideomaker-emulator in scripts', () => {
  it('writes its URL to --ready-file once it listens, and removes the file when it stops', async () => {
    const file = join(scratch(), 'emulator.url');
    const child = spawn(process.execPath, [CLI, '--port', '0', '--quiet', '--ready-file', file], {
      stdio: 'ignore',
    });
    children.push(child);
    const url = await until(() => readUrl(file), 'the ready file');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(readFileSync(file, 'utf8')).toBe(`${url}\n`);
    expect((await fetch(`${url}/api/v1/tasks`, { headers: { key: 'k' } })).status).toBe(200);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(file)).toBe(false);
  });

  it('rejects an empty --ready-file with exit code 2', async () => {
    const child = spawn(process.execPath, [CLI, '--ready-file', ''], { stdio: 'ignore' });
    children.push(child);
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(2);
  });

  it('stops when the launcher that started it is killed, though the launcher does not pass the signal on', async () => {
    const file = join(scratch(), 'emulator.url');
    // Like npx: a parent that starts the emulator as its own child and dies on SIGTERM without forwarding it.
    const launcher = spawn(
      process.execPath,
      [
        '-e',
        'require("node:child_process").spawn(process.execPath, process.argv.slice(1), { stdio: "ignore" }); setInterval(() => {}, 1000);',
        CLI,
        '--port',
        '0',
        '--quiet',
        '--ready-file',
        file,
      ],
      { stdio: 'ignore' },
    );
    children.push(launcher);
    const url = await until(() => readUrl(file), 'the ready file');
    expect((await fetch(`${url}/api/v1/tasks`, { headers: { key: 'k' } })).status).toBe(200);
    launcher.kill('SIGTERM');
    expect(await until(() => refused(url), 'the emulator to stop')).toBe(true);
    await until(() => (existsSync(file) ? undefined : true), 'the ready file to go');
  });
});
