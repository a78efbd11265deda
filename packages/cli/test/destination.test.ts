// --out on a real file system: checked before any credit is spent, never replacing anything but a
// regular file (and that only with --force), named by the id the user asked for; failures after a task
// exists carry its id; a broken download exits 7; `list | head -1` exits quietly (real child processes).
import { spawn } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Emulator } from '@aivideomaker/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY, apiRequests, BIN, emulator, isMp4, run, tempDir } from './helpers';

const T2V = ['generate', 't2v', '--prompt', 'A paper boat', '--aspect-ratio', '16:9', '--duration', '5'];

let emu: Emulator;
const dir = tempDir();
let doneId: string;
beforeAll(async () => {
  emu = await emulator();
  const result = await run([...T2V, '--wait', '--json'], emu);
  doneId = result.json().taskId as string;
});
afterAll(async () => {
  await emu.close();
  dir.remove();
});

const generatePosts = () => apiRequests(emu).filter((r) => r.method === 'POST').length;

describe('the destination is checked before any credit is spent', () => {
  it('a path under a file, or an existing file without --force: exit 2, nothing sent', async () => {
    const file = join(dir.path, 'hostname');
    writeFileSync(file, 'host');
    const existing = join(dir.path, 'existing.mp4');
    writeFileSync(existing, 'precious');
    const before = generatePosts();
    for (const out of [join(file, 'x.mp4'), `${file}/sub/`, `${file}/`, existing]) {
      const result = await run([...T2V, '--out', out, '--json'], emu);
      expect(result.code, out).toBe(2);
      expect(result.stderr).toMatch(/--out: /);
      expect(result.json().error).toMatchObject({ code: 'invalid_destination', exitCode: 2 });
    }
    expect(generatePosts()).toBe(before);
    expect(readFileSync(existing, 'utf8')).toBe('precious');
    // --force replaces a regular file, never turns a file into a folder.
    expect((await run([...T2V, '--out', `${file}/`, '--force'], emu)).code).toBe(2);
    expect(generatePosts()).toBe(before);
    const forced = await run([...T2V, '--out', existing, '--force'], emu);
    expect(forced.code, forced.stderr).toBe(0);
    expect(isMp4(readFileSync(existing))).toBe(true);
  });

  it('download never replaces a file without --force, nor a symlink even with it', async () => {
    const target = join(dir.path, 'again.mp4');
    expect((await run(['download', doneId, '--out', target], emu)).code).toBe(0);
    const second = await run(['download', doneId, '--out', target], emu);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('--force');
    expect((await run(['download', doneId, '--out', target, '--force'], emu)).code).toBe(0);
    const victim = join(dir.path, 'victim.txt');
    writeFileSync(victim, 'keep me');
    const link = join(dir.path, 'link.mp4');
    symlinkSync(victim, link);
    const linked = await run(['download', doneId, '--out', link, '--force'], emu);
    expect(linked.code).toBe(2);
    expect(linked.stderr).toContain('symbolic link');
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('a folder without an extension is created and gets <id>.mp4', async () => {
    const folder = join(dir.path, 'made', 'videos');
    const result = await run(['download', doneId, '--out', folder], emu);
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(folder)).toEqual([`${doneId}.mp4`]);
  });
});

describe('after a task exists', () => {
  it('a download that breaks exits 7 and names the task (text and --json)', async () => {
    emu.faults.add({ kind: 'reset', match: { path: '/files/' } });
    const out = join(dir.path, 'broken/');
    const result = await run([...T2V, '--out', out, '--json'], emu);
    expect(result.code, result.stderr).toBe(7);
    const error = (result.stdout.trim().split('\n').at(-1) ?? '').trim();
    const { taskId, code } = JSON.parse(error).error as { taskId: string; code: string };
    expect(code).toBe('connection_error');
    expect(taskId).toMatch(/\S/);
    expect(result.stderr).toContain(`aivideomaker download ${taskId}`);
  });

  it('a server answering with another task id writes nothing, and the file is named by the id asked for', async () => {
    // Two levels down, so '../../escaped' would land in this test's own folder.
    const box = join(dir.path, 'hostile', 'box');
    mkdirSync(box, { recursive: true });
    const { output } = emu.tasks(API_KEY).find((task) => task.id === doneId) as { output: unknown };
    const http = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const id = req.url?.endsWith('/status') ? undefined : '../../escaped';
      res.end(JSON.stringify({ id, status: 'COMPLETED', output }));
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
      const env = { AIVIDEOMAKER_API_KEY: API_KEY, AIVIDEOMAKER_BASE_URL: url };
      const download = await run(['download', 'abc', '--out', `${box}/`], undefined, { env });
      expect(download.code).toBe(7);
      expect(download.stderr).toMatch(/not the expected JSON|task id/);
      expect(readdirSync(box)).toEqual([]);
      expect(readdirSync(dir.path)).not.toContain('escaped.mp4');
    } finally {
      await promisify(http.close.bind(http))();
    }
  });
});

describe('the real process', () => {
  it('`aivideomaker list | head -1`: the reader goes away, the CLI exits quietly', async () => {
    const child = spawn(process.execPath, [BIN, 'list', '--limit', '0'], {
      env: { PATH: process.env.PATH ?? '', AIVIDEOMAKER_API_KEY: API_KEY, AIVIDEOMAKER_BASE_URL: emu.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The reader closes before the CLI has written anything.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
