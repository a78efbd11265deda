// Every command against the emulator over real HTTP: human output, the --json shapes, what the
// emulator received, and the downloaded MP4.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Emulator } from '@aivideomaker/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY, emulator, isMp4, paidRequests, run, tempDir } from './helpers';

const T2V = [
  'generate',
  't2v',
  '--prompt',
  'A paper boat on a rainy street',
  '--aspect-ratio',
  '16:9',
  '--duration',
  '5',
];
// A 1x1 PNG: enough for core's type sniffing.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

let emu: Emulator;
const dir = tempDir();
beforeAll(async () => {
  emu = await emulator();
});
afterAll(async () => {
  await emu.close();
  dir.remove();
});

async function submitted(): Promise<string> {
  const result = await run([...T2V, '--json'], emu);
  expect(result.code, result.stderr).toBe(0);
  return result.json().taskId as string;
}

describe('estimate', () => {
  it('prices a task offline, without a key', async () => {
    const human = await run(['estimate', 't2v_v3', '--duration', '10'], undefined, { env: {} });
    expect(human).toMatchObject({ code: 0, stdout: 't2v_v3: 10 s x 10 credit(s)/s = 100 credits\n' });
    const json = await run(['estimate', 'lv', '--prompt', 'Dawn', '--prompt', 'Dusk', '--json'], undefined, {
      env: {},
    });
    expect(json.json()).toEqual({
      model: 'lv',
      credits: 150,
      source: 'estimate',
      formula: expect.stringContaining('150 credits'),
    });
  });
});

describe('generate', () => {
  it('submits a task, sends the documented request and prints how to follow it', async () => {
    emu.clearRequests();
    const before = emu.ledger.balance(API_KEY);
    const result = await run(T2V, emu);
    expect(result.code, result.stderr).toBe(0);
    const taskId = /task (\S+) \(5 credits(, list price)?\)/.exec(result.stdout)?.[1];
    expect(result.stdout).toContain(`aivideomaker status ${taskId}`);
    const [request] = paidRequests(emu);
    expect(request).toMatchObject({ method: 'POST', path: '/api/v1/generate/t2v' });
    expect(request?.headers.key).toBe(API_KEY);
    expect(JSON.parse(request?.body ?? '')).toEqual({
      prompt: 'A paper boat on a rainy street',
      aspectRatio: '16:9',
      duration: '5',
    });
    expect(emu.ledger.balance(API_KEY)).toBe(before - 5);
  });

  it('--json prints one object with the task id, status and credits', async () => {
    const result = await run([...T2V, '--json'], emu);
    expect(result.json()).toEqual({
      taskId: expect.any(String),
      model: 't2v',
      status: 'SUBMITTED',
      credits: 5,
      creditsSource: expect.stringMatching(/^(server|estimate)$/),
      statusUrl: expect.stringMatching(/\/status$/),
      responseUrl: expect.stringContaining('/api/v1/tasks/'),
    });
  });

  it('reads a local --image file into a data URL', async () => {
    writeFileSync(join(dir.path, 'frame.png'), PNG);
    emu.clearRequests();
    const result = await run(['generate', 'i2v', '--image', 'frame.png', '--duration', '5', '--json'], emu, {
      cwd: dir.path,
    });
    expect(result.code, result.stderr).toBe(0);
    const body = JSON.parse(paidRequests(emu)[0]?.body ?? '{}');
    expect(body).toEqual({ image: `data:image/png;base64,${PNG.toString('base64')}`, duration: '5' });
  });

  it('--wait --out downloads a real MP4 and ends with the MEDIA line', async () => {
    const result = await run([...T2V, '--wait', '--out', join(dir.path, 'boat.mp4')], emu);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Submitted t2v task \S+ \(5 credits(, list price)?\)\.$/);
    expect(result.stdout).toMatch(/COMPLETED in \d+:\d\d \(t2v, 5 credits\)/);
    expect(lines.at(-1)).toBe(`MEDIA: ${join(dir.path, 'boat.mp4')}`);
    expect(isMp4(readFileSync(join(dir.path, 'boat.mp4')))).toBe(true);
  });
});

describe('task commands', () => {
  it('status, get and list show the task (human and --json)', async () => {
    const taskId = await submitted();
    expect((await run(['status', taskId], emu)).stdout).toMatch(
      new RegExp(`^${taskId}: (SUBMITTED|PROGRESS|COMPLETED)\\n$`),
    );
    expect((await run(['status', taskId, '--json'], emu)).json()).toEqual({
      taskId,
      status: expect.any(String),
    });

    const get = (await run(['get', taskId, '--json'], emu)).json();
    expect(get).toMatchObject({ taskId, model: 't2v', input: { duration: '5', aspectRatio: '16:9' } });
    expect(Object.keys(get).sort()).toEqual(
      ['completedAt', 'createdAt', 'input', 'model', 'output', 'status', 'taskId', 'videoUrls'].sort(),
    );
    expect((await run(['get', taskId], emu)).stdout).toContain(`Task ${taskId}: `);

    const listed = (await run(['list', '--json'], emu)).json() as {
      tasks: { taskId: string }[];
      total: number;
    };
    expect(listed.tasks[0]?.taskId).toBe(taskId);
    expect(listed.total).toBeGreaterThanOrEqual(listed.tasks.length);
    const table = (await run(['list', '--limit', '1'], emu)).stdout.split('\n');
    expect(table[0]).toMatch(/^ID\s+MODEL\s+STATUS\s+CREATED\s+VIDEO$/);
    expect(table[1]).toContain(taskId);
  });

  it('wait --out waits for the task and saves <id>.mp4 into a folder', async () => {
    const taskId = await submitted();
    const result = await run(['wait', taskId, '--out', `${dir.path}/`, '--json'], emu);
    expect(result.code, result.stderr).toBe(0);
    const file = join(dir.path, `${taskId}.mp4`);
    expect(result.json()).toMatchObject({
      taskId,
      status: 'COMPLETED',
      file,
      videoUrls: [expect.stringMatching(/\.mp4$/)],
    });
    expect(result.json().bytes).toBe(readFileSync(file).length);
    expect(isMp4(readFileSync(file))).toBe(true);
  });

  it('download saves a finished task into the current folder by default', async () => {
    const taskId = await submitted();
    expect((await run(['wait', taskId], emu)).code).toBe(0);
    const result = await run(['download', taskId], emu, { cwd: dir.path });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim().split('\n').at(-1)).toBe(`MEDIA: ${join(dir.path, `${taskId}.mp4`)}`);
    expect(isMp4(readFileSync(join(dir.path, `${taskId}.mp4`)))).toBe(true);
  });
});
