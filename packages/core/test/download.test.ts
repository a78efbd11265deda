// Downloads on a real file system: a missing folder is created, nothing but a regular file is ever
// replaced (and that only with overwrite), a server's task id never names a file outside the folder, and
// a transfer that breaks is a typed ConnectionError.
import { execFileSync } from 'node:child_process';
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Emulator } from '@aivideomaker/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AIVideoMaker,
  ConnectionError,
  InputValidationError,
  MalformedResponseError,
  type Task,
} from '../src/index';
import { checkDestination, downloadVideo } from '../src/node/index';
import { clientFor, emulator, KEY, T2V } from './helpers';

let emu: Emulator;
let dir: string;
let task: Task;
beforeAll(async () => {
  emu = await emulator();
  dir = await mkdtemp(join(tmpdir(), 'aivm-download-'));
  task = await clientFor(emu).run('t2v', T2V);
});
afterAll(async () => {
  await emu.close();
  await rm(dir, { recursive: true, force: true });
});

const isVideo = async (path: string) => (await readFile(path)).subarray(4, 8).toString() === 'ftyp';

describe('downloadVideo destinations', () => {
  it('creates a missing folder named without an extension or with a trailing separator', async () => {
    const videos = join(dir, 'videos');
    const saved = await downloadVideo(task, videos);
    expect(saved.path).toBe(join(videos, `${task.id}.mp4`));
    expect(await isVideo(saved.path)).toBe(true);
    const nested = `${join(dir, 'a', 'b.c')}/`;
    expect((await downloadVideo(task, nested)).path).toBe(join(nested, `${task.id}.mp4`));
    // No temporary file is left next to them.
    expect(await readdir(videos)).toEqual([`${task.id}.mp4`]);
  });

  it('never overwrites an existing file unless asked', async () => {
    const target = join(dir, 'mine.mp4');
    await writeFile(target, 'precious');
    const error = await downloadVideo(task, target).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputValidationError);
    expect(error).toMatchObject({ field: 'destination' });
    expect((error as Error).message).toMatch(/already exists.*overwrite: true/);
    expect(await readFile(target, 'utf8')).toBe('precious');
    await downloadVideo(task, target, { overwrite: true });
    expect(await isVideo(target)).toBe(true);
  });

  it('never replaces a symlink, a FIFO or a device, even with overwrite', async () => {
    const outside = join(dir, 'outside.txt');
    await writeFile(outside, 'untouched');
    const link = join(dir, 'link.mp4');
    await symlink(outside, link);
    const fifo = join(dir, 'pipe.mp4');
    execFileSync('mkfifo', [fifo]);
    for (const [target, kind] of [
      [link, 'symbolic link'],
      [fifo, 'FIFO'],
      ['/dev/null', 'device'],
    ] as const) {
      for (const overwrite of [false, true]) {
        const error = await downloadVideo(task, target, { overwrite }).catch((caught: unknown) => caught);
        expect(error, `${target} overwrite=${overwrite}`).toBeInstanceOf(InputValidationError);
        expect((error as Error).message).toContain(kind);
      }
    }
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(outside, 'utf8')).toBe('untouched');
    expect((await lstat(fifo)).isFIFO()).toBe(true);
    expect((await stat('/dev/null')).isCharacterDevice()).toBe(true);
  });

  it('checkDestination refuses a path under a file before anything is spent, creating nothing', async () => {
    const file = join(dir, 'plain-file');
    await writeFile(file, 'x');
    await expect(checkDestination(join(file, 'x.mp4'))).rejects.toThrow(/is not a folder/);
    await expect(checkDestination(join(file, 'sub/'))).rejects.toThrow(/is not a folder/);
    await expect(checkDestination(join(dir, 'fresh', 'deeper/'))).resolves.toBeUndefined();
    await expect(stat(join(dir, 'fresh'))).rejects.toThrow();
  });
});

describe('hostile answers', () => {
  it('a task id from the server never names a file outside the folder', async () => {
    // Two levels down, so '../../escaped' would land in this test's own folder.
    const box = join(dir, 'hostile', 'box');
    await mkdir(box, { recursive: true });
    const hostile = { ...task, id: '../../escaped' };
    await expect(downloadVideo(hostile, box)).rejects.toBeInstanceOf(InputValidationError);
    expect(await readdir(box)).toEqual([]);
    await expect(stat(join(dir, 'escaped.mp4'))).rejects.toThrow();
  });

  it('tasks.get refuses an answer about another (or an unsafe) task id', async () => {
    const http = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ...task, id: req.url?.includes('other') ? 'someone-else' : '../../escaped' }));
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = http.address() as { port: number };
      const client = new AIVideoMaker({ apiKey: KEY, baseUrl: `http://127.0.0.1:${port}`, maxRetries: 0 });
      await expect(client.tasks.get('abc')).rejects.toBeInstanceOf(MalformedResponseError);
      await expect(client.tasks.get('other')).rejects.toBeInstanceOf(MalformedResponseError);
    } finally {
      await promisify(http.close.bind(http))();
    }
  });

  it('a connection reset during the download is a ConnectionError, and leaves no file', async () => {
    emu.faults.add({ kind: 'reset', match: { path: '/files/' } });
    const target = join(dir, 'reset.mp4');
    const error = await downloadVideo(task, target).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: 'connection_error' });
    await expect(stat(target)).rejects.toThrow();
  });
});
