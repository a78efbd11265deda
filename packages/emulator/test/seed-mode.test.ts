// `api: 'seed'`: every addition of api-live.md is off, so clients can prove each of their fallbacks.
import { describe, expect, it } from 'vitest';
import { call, KEY, submit, t2v, useEmulator, waitForStatus } from './helpers';

const start = useEmulator({ api: 'seed' });

describe("api: 'seed'", () => {
  it('has no account or quote route', async () => {
    const emu = await start();
    expect(emu.api).toBe('seed');
    const account = await call(emu, '/api/v1/account');
    expect(account.status).toBe(404);
    expect(account.json).toEqual({ status: 'FAILED', message: 'Not found: GET /api/v1/account' });
    const quote = await call(emu, '/api/v1/quote/t2v', { method: 'POST', body: t2v() });
    expect(quote.status).toBe(404);
    expect(quote.json).toEqual({ status: 'FAILED', message: 'Not found: POST /api/v1/quote/t2v' });
    expect(emu.ledger.entries()).toHaveLength(0);
  });

  it('ignores Idempotency-Key and X-Max-Credits: a resend is a second paid task', async () => {
    const emu = await start();
    const headers = { 'idempotency-key': 'same-key-1', 'x-max-credits': '1' };
    const first = await submit(emu, 't2v', t2v(), headers);
    const second = await submit(emu, 't2v', t2v(), headers);
    expect(Object.keys(first).sort()).toEqual(['cancelUrl', 'responseUrl', 'status', 'statusUrl', 'taskId']);
    expect(second.taskId).not.toBe(first.taskId);
    expect(emu.ledger.balance(KEY)).toBe(990);
    // A malformed value is ignored too, as a server that does not know the header would.
    expect(
      (await submit(emu, 't2v', t2v(), { 'idempotency-key': 'x', 'x-max-credits': 'lots' })).taskId,
    ).toBeTruthy();
    expect(emu.requests.at(-1)?.headers['idempotency-key']).toBe('x');
  });

  it('answers errors without errorCode, 402 as "Insufficient credits", and knows no minimax', async () => {
    const emu = await start({ credits: 1 });
    const poor = await call(emu, '/api/v1/generate/t2v', { method: 'POST', body: t2v() });
    expect(poor.json).toEqual({ status: 'FAILED', message: 'Insufficient credits' });
    const minimax = await call(emu, '/api/v1/generate/minimax', { method: 'POST', body: { content: 'x' } });
    expect(minimax.status).toBe(400);
    expect(minimax.json).toEqual({
      status: 'FAILED',
      message: 'Unknown model "minimax"; allowed models: t2v, i2v, lv, t2v_v3, i2v_v3',
    });
    const invalid = await call(emu, '/api/v1/generate/t2v', { method: 'POST', body: t2v({ duration: 5 }) });
    expect(invalid.json).toEqual({
      status: 'FAILED',
      message: 'duration must be a string, one of "5", "8" (got number 5)',
    });
    expect((await call(emu, '/api/v1/tasks', { key: null })).json).toEqual({
      status: 'FAILED',
      message: 'Missing API key: send it in the "key" request header',
    });
  });

  it('keeps the document’s task fields and the { video } output', async () => {
    const emu = await start();
    const { taskId } = await submit(emu, 't2v', t2v());
    await waitForStatus(emu, taskId, 'COMPLETED');
    const task = await call(emu, `/api/v1/tasks/${taskId}`);
    expect(Object.keys(task.json).sort()).toEqual(
      ['completedAt', 'createdAt', 'id', 'input', 'model', 'output', 'status'].sort(),
    );
    expect(task.json.output).toEqual({ video: `${emu.url}/files/${taskId}.mp4` });
  });

  it('still applies a configured price table', async () => {
    const emu = await start({ prices: { t2v: 3 } });
    await submit(emu, 't2v', t2v());
    expect(emu.ledger.balance(KEY)).toBe(985);
  });
});
