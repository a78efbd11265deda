// The exact wire format of every endpoint, read back from what the emulator received.
import type { Emulator } from '@aivideomaker/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AIVideoMaker } from '../src/index';
import { clientFor, emulator, KEY, PNG_DATA_URL } from './helpers';

let emu: Emulator;
let client: AIVideoMaker;
beforeAll(async () => {
  emu = await emulator();
  client = clientFor(emu);
});
afterAll(() => emu.close());
beforeEach(() => emu.clearRequests());

const last = () => emu.requests.at(-1)!;

describe('request bytes', () => {
  it('t2v: POST with the key header and the documented JSON body, duration as a string', async () => {
    const result = await client.generate(
      't2v',
      { prompt: 'A cinematic sunset', aspectRatio: '16:9', duration: 8 },
      { webhookUrl: 'https://example.com/hook?token=abc' },
    );
    const request = last();
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/api/v1/generate/t2v');
    expect(request.headers.key).toBe(KEY);
    expect(request.headers.webhookurl).toBe('https://example.com/hook?token=abc');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.body).toBe('{"prompt":"A cinematic sunset","aspectRatio":"16:9","duration":"8"}');
    expect(result).toMatchObject({
      taskId: expect.any(String),
      status: 'SUBMITTED',
      responseUrl: `${emu.url}/api/v1/tasks/${result.taskId}`,
      statusUrl: `${emu.url}/api/v1/tasks/${result.taskId}/status`,
      cancelUrl: `${emu.url}/api/v1/tasks/${result.taskId}/cancel`,
    });
  });

  it('sends no webhookUrl header unless asked', async () => {
    await client.generate('t2v_v3', { prompt: 'x', aspectRatio: '1:1', duration: '20' });
    expect(last().headers.webhookurl).toBeUndefined();
    expect(last().body).toBe('{"prompt":"x","aspectRatio":"1:1","duration":"20"}');
  });

  it('i2v, i2v_v3 and lv bodies', async () => {
    await client.generate('i2v', { image: 'https://example.com/a.png', duration: '5' });
    expect(last().body).toBe('{"image":"https://example.com/a.png","duration":"5"}');
    await client.generate('i2v_v3', { image: PNG_DATA_URL, prompt: null, duration: 15 });
    expect(last().body).toBe(`{"image":"${PNG_DATA_URL}","prompt":null,"duration":"15"}`);
    await client.generate('lv', { image: 'https://example.com/a.png', prompt: ['one', 'two'] });
    expect(last().path).toBe('/api/v1/generate/lv');
    expect(last().body).toBe('{"image":"https://example.com/a.png","prompt":["one","two"]}');
  });

  it('list, get, status and cancel: paths, methods, key, no body', async () => {
    // Real time, so the task is certainly still SUBMITTED (cancellable) however slow this machine is.
    await using emu = await emulator({ speed: 1 });
    const client = clientFor(emu);
    const { taskId } = await client.generate('t2v', { prompt: 'p', aspectRatio: '9:16', duration: '5' });
    emu.clearRequests();
    const tasks = await client.tasks.list();
    const task = await client.tasks.get(taskId);
    const status = await client.tasks.status(taskId);
    const cancelled = await client.tasks.cancel(taskId);
    expect(emu.requests.map((r) => `${r.method} ${r.path} ${r.body === '' ? 'empty' : r.body}`)).toEqual([
      'GET /api/v1/tasks empty',
      `GET /api/v1/tasks/${taskId} empty`,
      `GET /api/v1/tasks/${taskId}/status empty`,
      `PUT /api/v1/tasks/${taskId}/cancel empty`,
    ]);
    for (const request of emu.requests) expect(request.headers.key).toBe(KEY);
    expect(tasks[0]).toMatchObject({ id: taskId, model: 't2v', input: { prompt: 'p', duration: '5' } });
    expect(task).toMatchObject({ id: taskId, status: 'SUBMITTED', output: null });
    expect(status.status).toBe('SUBMITTED');
    expect(cancelled).toMatchObject({ taskId, status: 'CANCEL' });
  });

  it('refuses task ids that are not URL-safe (a path, a dot segment, a space) before any request', async () => {
    for (const id of ['a/b?c', '..', '.', 'ck 1', 'ck\u0000']) {
      await expect(client.tasks.get(id)).rejects.toMatchObject({ code: 'invalid_input', field: 'taskId' });
    }
    expect(emu.requests).toEqual([]);
    await expect(client.tasks.get('ck-1_a.b~c')).rejects.toMatchObject({ code: 'not_found' });
    expect(last().path).toBe('/api/v1/tasks/ck-1_a.b~c');
  });
});
