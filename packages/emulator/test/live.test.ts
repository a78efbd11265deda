// The default (live) mode: api-live.md's account and quote routes, the extra answer fields, the
// finished task's output and errorCode on every error, over real HTTP.
import { describe, expect, it } from 'vitest';
import { RETENTION_MESSAGE } from '../src/index';
import { call, IMAGE, KEY, submit, t2v, useEmulator, waitForStatus } from './helpers';

const start = useEmulator();

describe('GET /api/v1/account', () => {
  it('reports the key, its balance, every model and its limits, and charges nothing', async () => {
    const emu = await start({ credits: 50, accountLimits: { dailyCreditLimit: 500 } });
    await submit(emu, 't2v', t2v());
    const { status, json } = await call(emu, '/api/v1/account');
    expect(status).toBe(200);
    expect(json).toEqual({
      keyValid: true,
      currentBalance: 45,
      usdPerCredit: 0.01,
      supportedModels: ['t2v', 'i2v', 'lv', 't2v_v3', 'i2v_v3', 'minimax'],
      dailyCreditLimit: 500,
      generationRequestsPerMinute: -1,
      creditWarningAt: -1,
    });
    expect((await call(emu, '/api/v1/account', { key: 'nope' })).json).toEqual({
      status: 'FAILED',
      errorCode: 'AUTH_FAILED',
      message: 'Invalid API key',
    });
  });
});

describe('POST /api/v1/quote/{model}', () => {
  it('prices like generate, creates and charges nothing', async () => {
    const emu = await start({ credits: 10 });
    const quote = await call(emu, '/api/v1/quote/t2v_v3', { method: 'POST', body: t2v({ duration: '10' }) });
    expect(quote.status).toBe(200);
    expect(quote.json).toEqual({
      model: 't2v_v3',
      credits: 100,
      listPriceUsd: 1,
      usdPerCredit: 0.01,
      currentBalance: 10,
      affordable: false,
      billable: false,
    });
    const cheap = await call(emu, '/api/v1/quote/t2v', { method: 'POST', body: t2v({ duration: '8' }) });
    expect(cheap.json).toMatchObject({ credits: 8, listPriceUsd: 0.08, affordable: true });
    expect(emu.tasks()).toHaveLength(0);
    expect(emu.ledger.entries()).toHaveLength(0);
    expect(emu.ledger.balance(KEY)).toBe(10);
  });

  it('gives the same field errors as generate', async () => {
    const emu = await start();
    for (const route of ['quote', 'generate']) {
      const bad = await call(emu, `/api/v1/${route}/t2v`, { method: 'POST', body: t2v({ duration: '7' }) });
      expect(bad.status).toBe(400);
      expect(bad.json).toEqual({
        status: 'FAILED',
        errorCode: 'INVALID_PAYLOAD',
        field: 'duration',
        message: 'duration must be a string, one of "5", "8" (got "7")',
      });
      const model = await call(emu, `/api/v1/${route}/sora`, { method: 'POST', body: t2v() });
      expect(model.json).toEqual({
        status: 'FAILED',
        errorCode: 'INVALID_MODEL',
        field: 'model',
        message: 'Unknown model "sora"; allowed models: t2v, i2v, lv, t2v_v3, i2v_v3, minimax',
      });
    }
  });

  it('does not count against the query rate limit', async () => {
    const emu = await start({ rateLimit: { limit: 2, windowMs: 60_000 }, speed: 1 });
    for (let i = 0; i < 5; i++) {
      expect((await call(emu, '/api/v1/quote/t2v', { method: 'POST', body: t2v() })).status).toBe(200);
      expect((await call(emu, '/api/v1/account')).status).toBe(200);
    }
    expect((await call(emu, '/api/v1/tasks')).status).toBe(200);
  });
});

describe('answers', () => {
  it('submit carries creditsCharged, idempotentReplay and idempotencyKey', async () => {
    const emu = await start();
    const plain = await submit(emu, 't2v', t2v());
    expect(plain).toEqual({
      status: 'SUBMITTED',
      taskId: plain.taskId,
      creditsCharged: 5,
      idempotentReplay: false,
      idempotencyKey: null,
      responseUrl: `${emu.url}/api/v1/tasks/${plain.taskId}`,
      statusUrl: `${emu.url}/api/v1/tasks/${plain.taskId}/status`,
      cancelUrl: `${emu.url}/api/v1/tasks/${plain.taskId}/cancel`,
    });
    const keyed = await submit(
      emu,
      'i2v',
      { image: IMAGE, duration: '8' },
      { 'idempotency-key': 'key-0001' },
    );
    expect(keyed).toMatchObject({ creditsCharged: 8, idempotentReplay: false, idempotencyKey: 'key-0001' });
  });

  it('a finished task has the credit fields and output { url, msg, error } with the 24 h notice', async () => {
    const emu = await start();
    const { taskId } = await submit(emu, 't2v', t2v(), { 'idempotency-key': 'key-0002' });
    await waitForStatus(emu, taskId, 'COMPLETED');
    const task = await call(emu, `/api/v1/tasks/${taskId}`);
    expect(task.json).toMatchObject({
      id: taskId,
      status: 'COMPLETED',
      output: { url: `${emu.url}/files/${taskId}.mp4`, msg: RETENTION_MESSAGE, error: null },
      creditsCharged: 5,
      creditsRefunded: 0,
      listValueCents: 5,
      idempotencyKey: 'key-0002',
    });
    expect(RETENTION_MESSAGE).toMatch(/24 hours/);
    expect((await call(emu, '/api/v1/tasks')).json.tasks[0]).toEqual(task.json);
    expect((await fetch(task.json.output.url)).status).toBe(200);
  });

  it('a FAILED task says why in output and shows the refund', async () => {
    const emu = await start();
    const { taskId } = await submit(emu, 't2v', t2v({ prompt: 'will [fail]' }));
    await waitForStatus(emu, taskId, 'FAILED');
    const task = await call(emu, `/api/v1/tasks/${taskId}`);
    expect(task.json).toMatchObject({
      output: { url: null, msg: expect.stringMatching(/refunded/), error: expect.any(String) },
      creditsCharged: 5,
      creditsRefunded: 5,
    });
  });

  it('cancel refunds in full with creditsRefunded; POST and DELETE get 405', async () => {
    const emu = await start({ speed: 1 });
    const { taskId, cancelUrl } = await submit(emu, 't2v_v3', t2v());
    const cancelled = await call(emu, new URL(cancelUrl).pathname, { method: 'PUT' });
    expect(cancelled.json).toEqual({
      status: 'CANCEL',
      taskId,
      refundedCredits: 50,
      creditsRefunded: 50,
      message: 'Task cancelled; 50 credits refunded',
    });
    expect((await call(emu, `/api/v1/tasks/${taskId}`)).json).toMatchObject({
      creditsCharged: 50,
      creditsRefunded: 50,
    });
    for (const method of ['POST', 'DELETE']) {
      const wrong = await call(emu, new URL(cancelUrl).pathname, { method });
      expect(wrong.status).toBe(405);
      expect(wrong.json.errorCode).toBe('METHOD_NOT_ALLOWED');
    }
    const again = await call(emu, new URL(cancelUrl).pathname, { method: 'PUT' });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ errorCode: 'TASK_NOT_CANCELLABLE', taskStatus: 'CANCEL' });
  });
});

describe('errorCode', () => {
  it('is on every error: auth, not found, method, rate limit, too large', async () => {
    const emu = await start({ rateLimit: { limit: 1, windowMs: 60_000 }, speed: 1 });
    const cases: [Promise<{ status: number; json: { errorCode?: string } }>, number, string][] = [
      [call(emu, '/api/v1/generate/t2v', { method: 'POST', body: t2v(), key: null }), 401, 'AUTH_FAILED'],
      [call(emu, '/api/v2/nothing'), 404, 'NOT_FOUND'],
      [call(emu, '/api/v1/account', { method: 'POST' }), 405, 'METHOD_NOT_ALLOWED'],
      [call(emu, '/api/v1/generate/t2v', { method: 'POST', raw: '{' }), 400, 'INVALID_PAYLOAD'],
    ];
    for (const [answer, status, code] of cases) {
      const result = await answer;
      expect(result.status).toBe(status);
      expect(result.json.errorCode).toBe(code);
    }
    await call(emu, '/api/v1/tasks/ckmissing');
    const limited = await call(emu, '/api/v1/tasks');
    expect(limited.status).toBe(429);
    expect(limited.json.errorCode).toBe('RATE_LIMITED');
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
