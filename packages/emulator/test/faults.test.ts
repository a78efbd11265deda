import { describe, expect, it } from 'vitest';
import { call, KEY, submit, t2v, useEmulator } from './helpers';

const start = useEmulator();
const generate = { method: 'POST', body: t2v() };

describe('fault injection', () => {
  it('latency delays the answer, then handles the request normally', async () => {
    const emu = await start();
    emu.faults.add({ kind: 'latency', delayMs: 150, match: { path: '/api/v1/tasks' } });
    const started = Date.now();
    const result = await call(emu, '/api/v1/tasks');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(result.status).toBe(200);
    expect(emu.faults.list()).toEqual([]);
  });

  it('error-before answers the status without creating or charging anything', async () => {
    const emu = await start();
    emu.faults.add({ kind: 'error-before', status: 503 });
    const result = await call(emu, '/api/v1/generate/t2v', generate);
    expect(result.status).toBe(503);
    expect(result.json).toEqual({
      status: 'FAILED',
      errorCode: 'INTERNAL_ERROR',
      message: 'Internal server error',
    });
    expect(emu.tasks()).toHaveLength(0);
    expect(emu.ledger.balance(KEY)).toBe(1000);
    expect((await call(emu, '/api/v1/generate/t2v', generate)).status).toBe(200);
  });

  it('error-after creates and charges the task, then answers 500', async () => {
    const emu = await start();
    emu.faults.add({ kind: 'error-after', match: { method: 'post' } });
    const result = await call(emu, '/api/v1/generate/t2v', generate);
    expect(result.status).toBe(500);
    expect(emu.tasks()).toHaveLength(1);
    expect(emu.ledger.balance(KEY)).toBe(995);
  });

  it('reset drops the connection before doing anything; reset-after after the work', async () => {
    const emu = await start();
    emu.faults.add({ kind: 'reset' });
    await expect(call(emu, '/api/v1/generate/t2v', generate)).rejects.toThrow(/fetch failed/);
    expect(emu.tasks()).toHaveLength(0);
    emu.faults.add({ kind: 'reset-after' });
    await expect(call(emu, '/api/v1/generate/t2v', generate)).rejects.toThrow(/fetch failed/);
    expect(emu.tasks()).toHaveLength(1);
    expect(emu.requests.map((r) => r.status)).toEqual([0, 0]);
  });

  it('malformed-json does the work and answers 200 with a truncated JSON body', async () => {
    const emu = await start();
    emu.faults.add({ kind: 'malformed-json', match: { path: /^\/api\/v1\/generate\// } });
    const result = await call(emu, '/api/v1/generate/t2v', generate);
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toMatch(/^application\/json/);
    expect(result.json).toBeUndefined();
    expect(result.text.startsWith('{"status":"SUBMITTED"')).toBe(true);
    expect(emu.tasks()).toHaveLength(1);
  });

  it('html-error answers an HTML page (502 by default) without doing anything', async () => {
    const emu = await start();
    emu.faults.add({ kind: 'html-error' });
    const result = await call(emu, '/api/v1/generate/t2v', generate);
    expect(result.status).toBe(502);
    expect(result.headers.get('content-type')).toMatch(/^text\/html/);
    expect(result.text).toContain('<h1>502 Bad Gateway</h1>');
    expect(emu.tasks()).toHaveLength(0);
  });

  it('rate-limit forces 429 bursts with the given Retry-After, or none', async () => {
    const emu = await start();
    emu.faults.add({ kind: 'rate-limit', times: 2, retryAfter: '3' });
    emu.faults.add({ kind: 'rate-limit', retryAfter: null });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const result = await call(emu, '/api/v1/generate/t2v', generate);
      statuses.push([result.status, result.headers.get('retry-after')]);
    }
    expect(statuses).toEqual([
      [429, '3'],
      [429, '3'],
      [429, null],
      [200, null],
    ]);
    expect(emu.tasks()).toHaveLength(1);
  });

  it('matches method and path (a string covers the path and below), and can be removed or cleared', async () => {
    const emu = await start();
    const id = emu.faults.add({
      kind: 'error-before',
      match: { method: 'GET', path: '/api/v1/tasks' },
      times: Infinity,
    });
    expect((await call(emu, '/api/v1/generate/t2v', generate)).status).toBe(200);
    expect((await call(emu, '/api/v1/tasks')).status).toBe(500);
    expect((await call(emu, '/api/v1/tasks/ck1/status')).status).toBe(500);
    expect((await call(emu, '/api/v1/tasksx')).status).toBe(404);
    expect(emu.faults.remove(id)).toBe(true);
    expect((await call(emu, '/api/v1/tasks')).status).toBe(200);
    emu.faults.add({ kind: 'error-before', times: 5 });
    emu.faults.clear();
    expect((await call(emu, '/api/v1/tasks')).status).toBe(200);
  });

  it('refuses an invalid fault with a message naming the field', async () => {
    const emu = await start();
    expect(() => emu.faults.add({ kind: 'explode' as never })).toThrow(/fault.kind must be one of latency, /);
    expect(() => emu.faults.add({ kind: 'reset', times: 0 })).toThrow(
      /fault.times must be a positive integer/,
    );
    expect(() => emu.faults.add({ kind: 'error-before', status: 42 })).toThrow(/fault.status must be/);
    expect(() => emu.faults.add({ kind: 'latency', delayMs: -1 })).toThrow(/fault.delayMs must be/);
  });
});

describe('request log', () => {
  it('records method, path, query, lower-cased headers, raw body and status', async () => {
    const emu = await start();
    const { taskId } = await submit(emu, 't2v', t2v(), { webhookUrl: 'http://127.0.0.1:9/hook' });
    await call(emu, '/api/v1/tasks?limit=5');
    expect(emu.requests).toHaveLength(2);
    const [post, list] = emu.requests;
    expect(post).toMatchObject({
      method: 'POST',
      path: '/api/v1/generate/t2v',
      status: 200,
      body: JSON.stringify(t2v()),
    });
    expect(post?.headers.key).toBe(KEY);
    expect(post?.headers.webhookurl).toBe('http://127.0.0.1:9/hook');
    expect(list).toMatchObject({
      method: 'GET',
      path: '/api/v1/tasks',
      query: { limit: '5' },
      body: '',
      status: 200,
    });
    expect(typeof list?.at).toBe('number');
    expect(taskId).toBeTruthy();
    emu.clearRequests();
    expect(emu.requests).toEqual([]);
  });
});

describe('HTTP control routes (faultControl)', () => {
  it('adds and clears faults, and reads requests, the ledger, tasks and webhooks', async () => {
    const emu = await start({ faultControl: true });
    const added = await call(emu, '/__emulator/faults', {
      method: 'POST',
      body: { kind: 'error-before', status: 504, match: { path: '/api/v1/tasks' } },
      key: null,
    });
    expect(added.json).toEqual({ id: expect.stringMatching(/^fault-/) });
    expect((await call(emu, '/__emulator/faults', { key: null })).json.faults).toHaveLength(1);
    expect((await call(emu, '/api/v1/tasks')).status).toBe(504);
    await call(emu, '/__emulator/faults', { method: 'POST', body: { kind: 'reset', times: 3 } });
    expect((await call(emu, '/__emulator/faults', { method: 'DELETE' })).status).toBe(200);
    await submit(emu, 't2v', t2v());
    const requests = await call(emu, '/__emulator/requests');
    expect(requests.json.requests.map((r: { status: number }) => r.status)).toEqual([504, 200]);
    const ledger = await call(emu, `/__emulator/ledger?key=${KEY}`);
    expect(ledger.json).toMatchObject({ key: KEY, balance: 995, entries: [{ kind: 'charge', amount: 5 }] });
    const set = await call(emu, '/__emulator/ledger', { method: 'PUT', body: { key: KEY, balance: 3 } });
    expect(set.json).toEqual({ key: KEY, balance: 3 });
    expect(emu.ledger.balance(KEY)).toBe(3);
    expect((await call(emu, `/__emulator/tasks?key=${KEY}`)).json.tasks).toHaveLength(1);
    expect((await call(emu, '/__emulator/webhooks')).json).toEqual({ webhooks: [] });
    expect((await call(emu, '/__emulator/requests', { method: 'DELETE' })).json).toEqual({ requests: [] });
    expect(emu.requests).toEqual([]);
  });

  it('answers 400 for an invalid fault or body', async () => {
    const emu = await start({ faultControl: true });
    const badKind = await call(emu, '/__emulator/faults', { method: 'POST', body: { kind: 'boom' } });
    expect(badKind.status).toBe(400);
    expect(badKind.json.message).toMatch(/^fault.kind must be one of/);
    expect((await call(emu, '/__emulator/faults', { method: 'POST', raw: '[' })).status).toBe(400);
    expect((await call(emu, '/__emulator/ledger', { method: 'PUT', body: { key: 1 } })).status).toBe(400);
    expect((await call(emu, '/__emulator/nothing')).status).toBe(404);
  });
});
