import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { call, KEY, submit, t2v, useEmulator, waitForStatus } from './helpers';

// The seed document's answers, exactly (api: 'seed'); live.test.ts covers the default mode.
const start = useEmulator({ api: 'seed' });

describe('POST /api/v1/generate/{model}', () => {
  it('answers SUBMITTED with absolute task, status and cancel URLs on the emulator', async () => {
    const emu = await start();
    const result = await call(emu, '/api/v1/generate/t2v', { method: 'POST', body: t2v() });
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toMatch(/^application\/json/);
    const { taskId } = result.json;
    expect(taskId).toMatch(/^ck[0-9a-z]{23}$/);
    expect(result.json).toEqual({
      status: 'SUBMITTED',
      taskId,
      responseUrl: `${emu.url}/api/v1/tasks/${taskId}`,
      statusUrl: `${emu.url}/api/v1/tasks/${taskId}/status`,
      cancelUrl: `${emu.url}/api/v1/tasks/${taskId}/cancel`,
    });
  });

  it('builds URLs from the Host the client used', async () => {
    const emu = await start();
    // fetch() does not let a caller set Host, so this one goes through node:http.
    const answer = await new Promise<string>((resolve, reject) => {
      const req = request(`${emu.url}/api/v1/generate/t2v`, {
        method: 'POST',
        headers: { key: KEY, host: 'emulator.test:8080', 'content-type': 'application/json' },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      req.end(JSON.stringify(t2v()));
    });
    const { taskId, statusUrl } = JSON.parse(answer);
    expect(statusUrl).toBe(`http://emulator.test:8080/api/v1/tasks/${taskId}/status`);
  });

  it('answers 400 with the documented error body for invalid JSON', async () => {
    const emu = await start();
    const result = await call(emu, '/api/v1/generate/t2v', { method: 'POST', raw: '{"prompt": ' });
    expect(result.status).toBe(400);
    expect(result.json.status).toBe('FAILED');
    expect(result.json.message).toMatch(/^Invalid JSON body/);
  });

  it('answers 400 naming the allowed models for an unknown model', async () => {
    const emu = await start();
    const result = await call(emu, '/api/v1/generate/t2v_v9', { method: 'POST', body: t2v() });
    expect(result.status).toBe(400);
    expect(result.json).toEqual({
      status: 'FAILED',
      message: 'Unknown model "t2v_v9"; allowed models: t2v, i2v, lv, t2v_v3, i2v_v3',
    });
  });

  it('rejects a webhookUrl header that is not an http(s) URL', async () => {
    const emu = await start();
    const result = await call(emu, '/api/v1/generate/t2v', {
      method: 'POST',
      body: t2v(),
      headers: { webhookUrl: 'ftp://example.com/hook' },
    });
    expect(result.status).toBe(400);
    expect(result.json.message).toMatch(/webhookUrl/);
    expect(emu.tasks()).toHaveLength(0);
  });
});

describe('authentication', () => {
  it('answers 401 without a key and with an unknown key, on every endpoint', async () => {
    const emu = await start();
    const paths: [string, string][] = [
      ['POST', '/api/v1/generate/t2v'],
      ['GET', '/api/v1/tasks'],
      ['GET', '/api/v1/tasks/ck1'],
      ['GET', '/api/v1/tasks/ck1/status'],
      ['PUT', '/api/v1/tasks/ck1/cancel'],
    ];
    for (const [method, path] of paths) {
      const missing = await call(emu, path, {
        method,
        key: null,
        body: method === 'POST' ? t2v() : undefined,
      });
      expect(missing.status, `${method} ${path}`).toBe(401);
      expect(missing.json).toEqual({
        status: 'FAILED',
        message: 'Missing API key: send it in the "key" request header',
      });
      const unknown = await call(emu, path, { method, key: 'nope' });
      expect(unknown.status).toBe(401);
      expect(unknown.json).toEqual({ status: 'FAILED', message: 'Invalid API key' });
    }
  });

  it('accepts any non-empty key when no apiKeys are configured', async () => {
    const emu = await start({ apiKeys: undefined });
    expect((await call(emu, '/api/v1/tasks', { key: 'anything' })).status).toBe(200);
    expect((await call(emu, '/api/v1/tasks', { key: '  ' })).status).toBe(401);
  });
});

describe('task queries', () => {
  it('lists the key’s tasks newest first with exactly the documented fields', async () => {
    const emu = await start({ apiKeys: [KEY, 'other'], speed: 1 });
    const first = await submit(emu, 't2v', t2v({ prompt: 'first' }));
    const second = await submit(emu, 't2v', t2v({ prompt: 'second' }));
    await call(emu, '/api/v1/generate/t2v', { method: 'POST', body: t2v(), key: 'other' });
    const { status, json } = await call(emu, '/api/v1/tasks');
    expect(status).toBe(200);
    expect(json.tasks.map((task: { id: string }) => task.id)).toEqual([second.taskId, first.taskId]);
    expect(json.tasks[1]).toEqual({
      id: first.taskId,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      model: 't2v',
      input: t2v({ prompt: 'first' }),
      output: null,
      status: 'SUBMITTED',
      completedAt: null,
    });
  });

  it('gets one task, and its status only', async () => {
    const emu = await start();
    const { taskId } = await submit(emu, 't2v', t2v());
    await waitForStatus(emu, taskId, 'COMPLETED');
    const task = await call(emu, `/api/v1/tasks/${taskId}`);
    expect(task.status).toBe(200);
    expect(task.json).toMatchObject({
      id: taskId,
      status: 'COMPLETED',
      output: { video: `${emu.url}/files/${taskId}.mp4` },
    });
    expect(Date.parse(task.json.completedAt)).toBeGreaterThanOrEqual(Date.parse(task.json.createdAt));
    const status = await call(emu, `/api/v1/tasks/${taskId}/status`);
    expect(status.json).toEqual({ status: 'COMPLETED' });
  });

  it('answers 404 for an unknown task and for another key’s task', async () => {
    const emu = await start({ apiKeys: [KEY, 'other'] });
    const { taskId } = await submit(emu, 't2v', t2v());
    for (const path of [`/api/v1/tasks/${taskId}`, `/api/v1/tasks/${taskId}/status`]) {
      const result = await call(emu, path, { key: 'other' });
      expect(result.status).toBe(404);
      expect(result.json).toEqual({ status: 'FAILED', message: `Task not found: ${taskId}` });
    }
    expect((await call(emu, '/api/v1/tasks/ckmissing')).status).toBe(404);
    expect((await call(emu, '/api/v1/tasks/ckmissing/cancel', { method: 'PUT' })).status).toBe(404);
    expect((await call(emu, '/api/v1/tasks', { key: 'other' })).json).toEqual({ tasks: [] });
  });
});

describe('routing', () => {
  it('answers 404 for an unknown route and 405 with Allow for a wrong method', async () => {
    const emu = await start();
    const missing = await call(emu, '/api/v2/tasks');
    expect(missing.status).toBe(404);
    expect(missing.json.status).toBe('FAILED');
    const cases: [string, string, string][] = [
      ['POST', '/api/v1/tasks/ck1/cancel', 'PUT'],
      ['GET', '/api/v1/generate/t2v', 'POST'],
      ['DELETE', '/api/v1/tasks/ck1', 'GET'],
      ['POST', '/api/v1/tasks', 'GET'],
    ];
    for (const [method, path, allow] of cases) {
      const result = await call(emu, path, { method });
      expect(result.status, `${method} ${path}`).toBe(405);
      expect(result.headers.get('allow')).toBe(allow);
      expect(result.json.status).toBe('FAILED');
    }
  });

  it('has no control routes unless faultControl is enabled', async () => {
    const emu = await start();
    expect((await call(emu, '/__emulator/requests')).status).toBe(404);
  });
});
