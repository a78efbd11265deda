// Files on disk: a download never replaces anything but a regular file, and that only when asked; it
// creates a missing folder; the CLI checks `--out` before any credit is spent. Real file system, real
// emulator, the CLI in-process.
import { execFileSync } from 'node:child_process';
import { lstat, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Task } from '@aivideomaker/core';
import { downloadVideo } from '@aivideomaker/core/node';
import type { Emulator } from '@aivideomaker/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './support/cli';
import { count } from './support/figures';
import { clientFor, emulator, generatePosts, t2vInput, uniquePrompt } from './support/harness';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aivm-reliability-dest-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** An emulator of the test's own and a finished task on it. */
async function finished(): Promise<{ emu: Emulator; task: Task }> {
  const emu = await emulator();
  return { emu, task: await clientFor(emu).run('t2v', t2vInput(uniquePrompt('destination'))) };
}

const isVideo = async (path: string) => (await readFile(path)).subarray(4, 8).toString() === 'ftyp';

describe('what a download may replace', () => {
  it('never a symlink, FIFO or device (even with overwrite); a file only with overwrite', async (ctx) => {
    const { emu, task } = await finished();
    await using _emu = emu;
    const victim = join(dir, 'victim.txt');
    await writeFile(victim, 'victim');
    const link = join(dir, 'link.mp4');
    await symlink(victim, link);
    const dangling = join(dir, 'dangling.mp4');
    await symlink(join(dir, 'nowhere', 'x'), dangling);
    const fifo = join(dir, 'fifo.mp4');
    execFileSync('mkfifo', [fifo]);
    const existing = join(dir, 'existing.mp4');
    await writeFile(existing, 'mine');
    const targets = [link, dangling, fifo, '/dev/null', existing];
    let cases = 0;
    for (const target of targets) {
      for (const overwrite of target === existing ? [false] : [false, true]) {
        cases += 1;
        await expect(
          downloadVideo(task, target, { overwrite }),
          `${target} ${overwrite}`,
        ).rejects.toMatchObject({
          code: 'invalid_input',
          field: 'destination',
        });
      }
    }
    const unsafe = [
      !(await lstat(link)).isSymbolicLink(),
      (await readFile(victim, 'utf8')) !== 'victim',
      !(await lstat(dangling)).isSymbolicLink(),
      !(await lstat(fifo)).isFIFO(),
      !(await stat('/dev/null')).isCharacterDevice(),
      (await readFile(existing, 'utf8')) !== 'mine',
    ].filter(Boolean).length;
    // Asked to, a regular file is replaced; nothing else is left next to it.
    await downloadVideo(task, existing, { overwrite: true });
    expect(await isVideo(existing)).toBe(true);
    expect((await readdir(dir)).filter((name) => name.endsWith('.part'))).toEqual([]);
    count(ctx, 'Destination safety', { cases: cases + 1, unsafeWrites: unsafe });
    expect(unsafe).toBe(0);
  });

  it('creates a missing folder for a path with a trailing separator or without an extension', async (ctx) => {
    const { emu, task } = await finished();
    await using _emu = emu;
    const cases = [join(dir, 'videos'), `${join(dir, 'deep', 'er.d')}/`];
    for (const folder of cases) {
      const saved = await downloadVideo(task, folder);
      expect(saved.path).toBe(join(folder, `${task.id}.mp4`));
      expect(await isVideo(saved.path)).toBe(true);
    }
    count(ctx, 'Destination safety', { cases: cases.length });
  });
});

describe('the CLI checks --out before spending', () => {
  it('refuses, with nothing sent, a path under a file, an existing file, a symlink, a FIFO, a device', async (ctx) => {
    await using fresh = await emulator();
    const file = join(dir, 'hostname');
    await writeFile(file, 'host');
    const existing = join(dir, 'cli-existing.mp4');
    await writeFile(existing, 'mine');
    const link = join(dir, 'cli-link.mp4');
    await symlink(existing, link);
    const fifo = join(dir, 'cli-fifo.mp4');
    execFileSync('mkfifo', [fifo]);
    const outs = [join(file, 'x.mp4'), `${file}/`, existing, link, fifo, '/dev/null'];
    for (const out of outs) {
      const argv = ['generate', 't2v', '--prompt', uniquePrompt('cli dest'), '--aspect-ratio', '16:9'];
      const result = await cli([...argv, '--duration', '5', '--out', out, '--force', '--json'], fresh);
      const expected = out === existing ? 0 : 2;
      expect(result.code, `${out}: ${result.stderr}`).toBe(expected);
    }
    // Only the --force onto a regular file went ahead (and replaced it with the video).
    const paid = generatePosts(fresh).length;
    count(ctx, 'Destination safety', {
      cases: outs.length,
      unsafeWrites: Math.max(0, paid - 1),
      strayRequests: Math.max(0, paid - 1),
    });
    expect(paid).toBe(1);
    expect(await isVideo(existing)).toBe(true);
  });
});
