// Idempotency-Key, X-Max-Credits and the live insufficient-credits answer, over real HTTP.
import { describe, expect, it } from 'vitest';
import { call, IMAGE, KEY, t2v, useEmulator } from './helpers';

const start = useEmulator();
const generate = (emu: Awaited<ReturnType<typeof start>>, body: unknown, headers: Record<string, string>) =>
  call(emu, '/api/v1/generate/t2v', { method: 'POST', body, headers });

describe('Idempotency-Key', () => {
  it('replays the original task for the same key and body, charging nothing again', async () => {
    const emu = await start();
    const first = await generate(emu, t2v(), { 'idempotency-key': 'logical-call-1' });
    // Same data, other key order and spacing: the same request.
    const reordered = JSON.stringify({ duration: '5', aspectRatio: '16:9', prompt: t2v().prompt }, null, 2);
    const second = await call(emu, '/api/v1/generate/t2v', {
      method: 'POST',
      raw: reordered,
      headers: { 'idempotency-key': 'logical-call-1' },
    });
    expect(first.json.idempotentReplay).toBe(false);
    expect(second.status).toBe(200);
    expect(second.json).toEqual({ ...first.json, status: second.json.status, idempotentReplay: true });
    expect(emu.tasks()).toHaveLength(1);
    expect(emu.ledger.entries(KEY)).toHaveLength(1);
    expect(emu.ledger.balance(KEY)).toBe(995);
  });

  it('answers 409 IDEMPOTENCY_CONFLICT for the same key with another body, and keeps keys per API key', async () => {
    const emu = await start({ apiKeys: [KEY, 'other'] });
    await generate(emu, t2v(), { 'idempotency-key': 'shared-key-1' });
    const conflict = await generate(emu, t2v({ duration: '8' }), { 'idempotency-key': 'shared-key-1' });
    expect(conflict.status).toBe(409);
    expect(conflict.json).toMatchObject({ status: 'FAILED', errorCode: 'IDEMPOTENCY_CONFLICT' });
    expect(conflict.json.message).toMatch(/Idempotency-Key was already used/);
    const otherModel = await call(emu, '/api/v1/generate/t2v_v3', {
      method: 'POST',
      body: t2v(),
      headers: { 'idempotency-key': 'shared-key-1' },
    });
    expect(otherModel.status).toBe(409);
    const otherKey = await call(emu, '/api/v1/generate/t2v', {
      method: 'POST',
      body: t2v({ duration: '8' }),
      key: 'other',
      headers: { 'idempotency-key': 'shared-key-1' },
    });
    expect(otherKey.json).toMatchObject({ idempotentReplay: false, creditsCharged: 8 });
    expect(emu.tasks(KEY)).toHaveLength(1);
  });

  it('rejects a key shorter than 8 or longer than 128 characters with 400', async () => {
    const emu = await start();
    for (const bad of ['short', 'x'.repeat(129)]) {
      const result = await generate(emu, t2v(), { 'idempotency-key': bad });
      expect(result.status).toBe(400);
      expect(result.json).toMatchObject({ errorCode: 'INVALID_PAYLOAD', field: 'Idempotency-Key' });
      expect(result.json.message).toMatch(/8 to 128 characters/);
    }
    for (const good of ['x'.repeat(8), 'y'.repeat(128)]) {
      expect((await generate(emu, t2v(), { 'idempotency-key': good })).status).toBe(200);
    }
    expect(emu.tasks()).toHaveLength(2);
  });

  it('resolves a reset after the task was created: the resend gets the same task, one charge', async () => {
    const emu = await start();
    emu.faults.add({ kind: 'reset-after', match: { method: 'POST', path: '/api/v1/generate' } });
    await expect(generate(emu, t2v(), { 'idempotency-key': 'reset-key-1' })).rejects.toThrow();
    const resend = await generate(emu, t2v(), { 'idempotency-key': 'reset-key-1' });
    expect(resend.json).toMatchObject({ idempotentReplay: true, creditsCharged: 5 });
    expect(resend.json.taskId).toBe(emu.tasks()[0]?.id);
    expect(emu.tasks()).toHaveLength(1);
    expect(emu.ledger.entries(KEY).filter((entry) => entry.kind === 'charge')).toHaveLength(1);
  });

  it('remembers nothing for a refused request: the key stays free', async () => {
    const emu = await start({ credits: 4 });
    expect((await generate(emu, t2v(), { 'idempotency-key': 'retry-after-topup' })).status).toBe(402);
    emu.ledger.setBalance(KEY, 100);
    const paid = await generate(emu, t2v(), { 'idempotency-key': 'retry-after-topup' });
    expect(paid.json).toMatchObject({ idempotentReplay: false, creditsCharged: 5 });
  });

  it('concurrent sends of one key create one task', async () => {
    const emu = await start();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => generate(emu, t2v(), { 'idempotency-key': 'parallel-key' })),
    );
    expect(new Set(answers.map((answer) => answer.json.taskId)).size).toBe(1);
    expect(answers.filter((answer) => answer.json.idempotentReplay === false)).toHaveLength(1);
    expect(emu.ledger.balance(KEY)).toBe(995);
  });
});

describe('X-Max-Credits', () => {
  it('refuses with 422 BUDGET_EXCEEDED, naming cap and price, before charging', async () => {
    const emu = await start({ prices: { multiplier: 3 } });
    const refused = await generate(emu, t2v(), { 'x-max-credits': '10' });
    expect(refused.status).toBe(422);
    expect(refused.json).toEqual({
      status: 'FAILED',
      errorCode: 'BUDGET_EXCEEDED',
      message: 'Price of 15 credits exceeds X-Max-Credits 10; nothing was charged',
      maxCredits: 10,
      requiredCredits: 15,
    });
    expect(emu.tasks()).toHaveLength(0);
    expect(emu.ledger.entries()).toHaveLength(0);
    const enough = await generate(emu, t2v(), { 'x-max-credits': '15' });
    expect(enough.json).toMatchObject({ creditsCharged: 15 });
    expect(emu.requests.at(-1)?.headers['x-max-credits']).toBe('15');
  });

  it('rejects a value that is not a whole number of credits', async () => {
    const emu = await start();
    for (const bad of ['-1', '2.5', 'ten', '']) {
      const result = await generate(emu, t2v(), { 'x-max-credits': bad });
      expect(result.status, bad).toBe(400);
      expect(result.json).toMatchObject({ errorCode: 'INVALID_PAYLOAD', field: 'X-Max-Credits' });
    }
    expect(emu.tasks()).toHaveLength(0);
  });
});

describe('insufficient credits', () => {
  it('answers 402 INSUFFICIENT_CREDITS worded like the live service, taking nothing', async () => {
    const emu = await start({ credits: 5, prices: { multiplier: 3 } });
    const refused = await call(emu, '/api/v1/generate/i2v', {
      method: 'POST',
      body: { image: IMAGE, duration: '5' },
    });
    expect(refused.status).toBe(402);
    expect(refused.json).toEqual({
      status: 'FAILED',
      errorCode: 'INSUFFICIENT_CREDITS',
      message: 'Current balance 5 is below required 15',
      currentBalance: 5,
      requiredCredits: 15,
    });
    expect(emu.ledger.balance(KEY)).toBe(5);
    expect(emu.tasks()).toHaveLength(0);
  });
});
