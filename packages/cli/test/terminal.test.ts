// The built bin as a real process: a live display on a pseudo-terminal (through util-linux `script`),
// plain lines when stderr is a pipe, and Ctrl-C leaving the task running.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Emulator } from '@aivideomaker/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY, BIN, emulator, isMp4, spawnProcess, tempDir } from './helpers';

let emu: Emulator;
const dir = tempDir();
// A real process: Node's start-up, the price question, a 3.6 s render and the download take more than
// vitest's default 5 s on a busy machine. The checks are about what is printed, not how fast.
const REAL_PROCESS_MS = 20_000;
// A t2v task is SUBMITTED for 0.25 s, then PROGRESS until 3.6 s: the poll at about 2 s always sees PROGRESS.
beforeAll(async () => {
  emu = await emulator({ speed: 12 });
});
afterAll(async () => {
  await emu.close();
  dir.remove();
});

const env = () => ({ AIVIDEOMAKER_API_KEY: API_KEY, AIVIDEOMAKER_BASE_URL: emu.url });
const generateArgs = (out: string) => [
  BIN,
  'generate',
  't2v',
  '--prompt',
  'A lighthouse at dusk',
  '--aspect-ratio',
  '9:16',
  '--duration',
  '5',
  '--out',
  out,
];

describe.skipIf(!existsSync('/usr/bin/script'))('on a terminal', () => {
  it(
    'redraws one status line with a spinner and the elapsed time, then prints the result',
    async () => {
      const out = join(dir.path, 'tty.mp4');
      const command = [process.execPath, ...generateArgs(out)].map((arg) => `'${arg}'`).join(' ');
      const result = await spawnProcess('script', ['-qefc', command, '/dev/null'], env());
      expect(result.code, result.stdout).toBe(0);
      const screen = result.stdout;
      expect(screen).toMatch(/\r\x1b\[2K[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] task \S+ · (SUBMITTED|PROGRESS) · 0:0\d/);
      expect(screen).toContain('PROGRESS');
      expect(screen.match(/\r\x1b\[2K/g)?.length).toBeGreaterThan(5);
      expect(screen).toMatch(/MEDIA: .*tty\.mp4\r?\n?$/);
      expect(isMp4(readFileSync(out))).toBe(true);
    },
    REAL_PROCESS_MS,
  );
});

describe('off a terminal', () => {
  it(
    'prints plain progress lines on stderr and the result on stdout',
    async () => {
      const out = join(dir.path, 'pipe.mp4');
      const result = await spawnProcess(process.execPath, generateArgs(out), env());
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).not.toMatch(/[\r\x1b]/);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toContainEqual(expect.stringMatching(/^\[0:0\d\] task \S+: PROGRESS$/));
      expect(lines).toContainEqual(expect.stringMatching(/^\[0:0\d\] task \S+: COMPLETED$/));
      expect(result.stdout.trim().split('\n').at(-1)).toBe(`MEDIA: ${out}`);
    },
    REAL_PROCESS_MS,
  );

  it('Ctrl-C stops waiting with exit 130; the task keeps running', async () => {
    const child = spawn(process.execPath, [...generateArgs(join(dir.path, 'never.mp4'))], {
      env: { ...env() },
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (stdout.includes('Submitted')) child.kill('SIGINT');
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(stderr).toContain('Interrupted');
    const taskId = /task (\S+) \(/.exec(stdout)?.[1];
    expect(emu.tasks(API_KEY).find((task) => task.id === taskId)?.status).not.toBe('CANCEL');
    expect(existsSync(join(dir.path, 'never.mp4'))).toBe(false);
  });
});
