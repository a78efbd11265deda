import { describe, expect, it } from 'vitest';
import { call, IMAGE, KEY, submit, t2v, useEmulator, waitForStatus } from './helpers';

const start = useEmulator();

describe('credits ledger', () => {
  it('charges the document’s prices at submit', async () => {
    const emu = await start({ credits: 10_000, speed: 1 });
    const cases: [string, Record<string, unknown>, number][] = [
      ['t2v', t2v({ duration: '5' }), 5],
      ['t2v', t2v({ duration: '8' }), 8],
      ['i2v', { image: IMAGE, duration: '8' }, 8],
      ['t2v_v3', t2v({ duration: '20' }), 200],
      ['i2v_v3', { image: IMAGE, duration: '10' }, 100],
      ['lv', { image: IMAGE, prompt: ['a', 'b', 'c'] }, 225],
      ['lv', { image: IMAGE, prompt: ['1', '2', '3', '4', '5', '6'] }, 450],
    ];
    let expected = 10_000;
    for (const [model, body, price] of cases) {
      const { taskId } = await submit(emu, model, body);
      expected -= price;
      expect(emu.ledger.balance(KEY), model).toBe(expected);
      expect(emu.ledger.entries(KEY).at(-1)).toEqual({
        key: KEY,
        taskId,
        kind: 'charge',
        amount: price,
        at: expect.any(Number),
      });
      expect(emu.tasks(KEY)[0]?.credits).toBe(price);
    }
  });

  it('answers 402 "Insufficient credits" when the balance does not cover the task, and takes nothing', async () => {
    const emu = await start({ credits: 12, api: 'seed' });
    await submit(emu, 't2v', t2v({ duration: '8' }));
    const refused = await call(emu, '/api/v1/generate/t2v', { method: 'POST', body: t2v({ duration: '5' }) });
    expect(refused.status).toBe(402);
    expect(refused.json).toEqual({ status: 'FAILED', message: 'Insufficient credits' });
    expect(emu.ledger.balance(KEY)).toBe(4);
    expect(emu.tasks()).toHaveLength(1);
    emu.ledger.setBalance(KEY, 5);
    await submit(emu, 't2v', t2v({ duration: '5' }));
    expect(emu.ledger.balance(KEY)).toBe(0);
  });

  it('keeps one balance per key, each starting at the configured credits', async () => {
    const emu = await start({ apiKeys: [KEY, 'other'], credits: 50 });
    await submit(emu, 't2v_v3', t2v({ duration: '5' }));
    expect(emu.ledger.balance(KEY)).toBe(0);
    expect(emu.ledger.balance('other')).toBe(50);
    expect(emu.ledger.entries('other')).toEqual([]);
    expect(() => emu.ledger.setBalance(KEY, -1)).toThrow(/credits must be a finite number >= 0/);
  });

  it('refunds a task that ends FAILED', async () => {
    const emu = await start({ credits: 100 });
    const { taskId } = await submit(emu, 't2v', t2v({ prompt: 'this one will [fail]', duration: '8' }));
    expect(emu.ledger.balance(KEY)).toBe(92);
    await waitForStatus(emu, taskId, 'FAILED');
    expect(emu.ledger.balance(KEY)).toBe(100);
    expect(emu.ledger.entries(KEY).map(({ kind, amount, taskId: id }) => ({ kind, amount, id }))).toEqual([
      { kind: 'charge', amount: 8, id: taskId },
      { kind: 'refund', amount: 8, id: taskId },
    ]);
  });

  it('refunds a cancelled task', async () => {
    const emu = await start({ credits: 100, speed: 1 });
    const { taskId } = await submit(emu, 'lv', { image: IMAGE, prompt: ['a'] });
    expect(emu.ledger.balance(KEY)).toBe(25);
    expect((await call(emu, `/api/v1/tasks/${taskId}/cancel`, { method: 'PUT' })).status).toBe(200);
    expect(emu.ledger.balance(KEY)).toBe(100);
    expect(emu.ledger.entries(KEY).at(-1)).toMatchObject({ kind: 'refund', amount: 75, taskId });
  });
});
