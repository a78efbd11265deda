// The live API's additions over real HTTP, against the emulator in its default mode (the additions on)
// and with `api: 'seed'` (the documented API only), where every fallback must hold and finding out
// costs at most one extra request per client.
import type { Emulator } from '@aivideomaker/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BadRequestError,
  BudgetExceededError,
  IdempotencyConflictError,
  InsufficientCreditsError,
  NotOfferedError,
} from '../src/index';
import { createVideoToolSpecs } from '../src/tools/index';
import { clientFor, emulator, KEY, LIVE_EMULATOR, T2V } from './helpers';

const open: Emulator[] = [];
async function start(options: Parameters<typeof emulator>[0] = {}): Promise<Emulator> {
  const emu = await emulator(options);
  open.push(emu);
  return emu;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((emu) => emu.close()));
});

const POST = { method: 'POST', path: '/api/v1/generate' };
const posts = (emu: Emulator) =>
  emu.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/api/v1/generate/'));
const additions = (emu: Emulator) => emu.requests.filter((r) => /^\/api\/v1\/(account|quote)/.test(r.path));
const charges = (emu: Emulator) => emu.ledger.entries(KEY).filter((e) => e.kind === 'charge');
const spent = (emu: Emulator) => charges(emu).reduce((sum, e) => sum + e.amount, 0);

describe.skipIf(!LIVE_EMULATOR)('default mode: the live additions', () => {
  it('a reset after the POST reached the server is resolved by a resend with the same key: one task, one charge, no list lookup', async () => {
    const emu = await start();
    emu.faults.add({ kind: 'reset-after', match: POST });
    const result = await clientFor(emu).generate('t2v', T2V);
    expect(result).toMatchObject({ idempotentReplay: true, creditsCharged: 5, creditsSource: 'server' });
    expect(result.reconciled).toBeUndefined();
    expect(new Set(posts(emu).map((r) => r.headers['idempotency-key']))).toEqual(
      new Set([result.idempotencyKey]),
    );
    expect(posts(emu)).toHaveLength(2);
    expect(emu.tasks(KEY).map((task) => task.id)).toEqual([result.taskId]);
    expect(charges(emu)).toHaveLength(1);
    expect(emu.requests.filter((r) => r.path === '/api/v1/tasks')).toHaveLength(0);
  });

  it('every generate sends a key (one per call) and X-Max-Credits when asked; the answer is the server price', async () => {
    const emu = await start({ prices: { multiplier: 3 } });
    const client = clientFor(emu);
    const a = await client.generate('t2v', T2V, { maxCredits: 15 });
    const b = await client.generate('t2v', T2V);
    expect(a.idempotencyKey).not.toBe(b.idempotencyKey);
    expect(posts(emu).map((r) => r.headers['x-max-credits'])).toEqual(['15', undefined]);
    expect(a).toMatchObject({ creditsCharged: 15, creditsSource: 'server', idempotentReplay: false });
  });

  it('a reused key with another body gets the typed conflict error, and nothing is charged', async () => {
    const emu = await start();
    const client = clientFor(emu);
    const idempotencyKey = 'order-1234-video';
    const first = await client.generate('t2v', T2V, { idempotencyKey });
    const replay = await client.generate('t2v', T2V, { idempotencyKey });
    expect(replay).toMatchObject({ taskId: first.taskId, idempotentReplay: true });
    const error = await client
      .generate('t2v', { ...T2V, prompt: 'another video' }, { idempotencyKey })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdempotencyConflictError);
    expect(error).toMatchObject({ code: 'idempotency_conflict', status: 409, idempotencyKey });
    expect(charges(emu)).toHaveLength(1);
  });

  it('maxCredits below the server price gets the typed budget error, and nothing is charged', async () => {
    const emu = await start({ prices: { multiplier: 3 } });
    const error = await clientFor(emu)
      .generate('t2v', T2V, { maxCredits: 10 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect(error).toMatchObject({ code: 'budget_exceeded', credits: 15, limit: 10, server: { status: 422 } });
    expect(charges(emu)).toHaveLength(0);
    expect(emu.tasks(KEY)).toHaveLength(0);
  });

  it('the live insufficient-credits wording maps to InsufficientCreditsError', async () => {
    const emu = await start({ credits: 3 });
    const error = await clientFor(emu)
      .generate('t2v', T2V)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InsufficientCreditsError);
    expect((error as InsufficientCreditsError).serverMessage).toMatch(
      /Current balance 3 is below required 5/,
    );
    expect(error).toMatchObject({ code: 'insufficient_credits', errorCode: 'INSUFFICIENT_CREDITS' });
  });

  it("a server's INVALID_PAYLOAD keeps its field detail", async () => {
    const emu = await start();
    // A key the client would refuse is put on the wire by a relay, so the server's answer is what is tested.
    const client = clientFor(emu, {
      fetch: (input, init) => {
        const headers = new Headers(init?.headers);
        if (headers.has('idempotency-key')) headers.set('idempotency-key', 'short');
        return fetch(input, { ...init, headers });
      },
    });
    const error = await client.generate('t2v', T2V).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({
      errorCode: 'INVALID_PAYLOAD',
      serverDetails: { field: 'Idempotency-Key' },
    });
  });

  it('quote and account answer from the server; quote validates locally first', async () => {
    const emu = await start({ prices: { multiplier: 3 } });
    const client = clientFor(emu);
    await expect(client.quote('t2v', T2V)).resolves.toMatchObject({
      credits: 15,
      source: 'server',
      affordable: true,
    });
    const account = await client.account();
    expect(account.supportedModels).toContain('minimax');
    expect(account.currentBalance).toBe(emu.ledger.balance(KEY));
    expect(account.limits).toEqual({
      dailyCreditLimit: -1,
      generationRequestsPerMinute: -1,
      creditWarningAt: -1,
    });
    emu.clearRequests();
    await expect(client.quote('t2v', { ...T2V, duration: '7' as '5' })).rejects.toMatchObject({
      field: 'duration',
    });
    expect(emu.requests).toHaveLength(0);
  });

  it('with prices at 3x, 10 parallel text_to_video calls under maxCreditsTotal 30 never get more than 30 charged', async () => {
    const emu = await start({ prices: { multiplier: 3 } });
    const [t2v] = createVideoToolSpecs({ client: clientFor(emu), maxCreditsTotal: 30, wait: false });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => t2v!.execute({ prompt: `clip ${i}` })),
    );
    expect(spent(emu)).toBeLessThanOrEqual(30);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(posts(emu).every((r) => Number(r.headers['x-max-credits']) <= 30)).toBe(true);
  });
});

describe("api: 'seed': every fallback, at most one extra request per client", () => {
  const seed = { api: 'seed' } as const;

  it('quote falls back to the estimate, account says the route is not offered, and finding out costs one request', async () => {
    const emu = await start(seed);
    const client = clientFor(emu);
    const quotes = await Promise.all([
      client.quote('t2v', T2V),
      client.quote('t2v_v3', { ...T2V, duration: '10' }),
    ]);
    expect(quotes).toEqual([
      { model: 't2v', credits: 5, source: 'estimate' },
      { model: 't2v_v3', credits: 100, source: 'estimate' },
    ]);
    const error = await client.account().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotOfferedError);
    expect(error).toMatchObject({ code: 'not_offered' });
    emu.faults.add({ kind: 'reset-after', match: POST });
    const reconciled = await client.generate('t2v', T2V);
    expect(reconciled).toMatchObject({ reconciled: true, creditsCharged: 5, creditsSource: 'estimate' });
    expect(additions(emu)).toHaveLength(1);
    expect(posts(emu)).toHaveLength(1);
  });

  it('a lost answer is reconciled through the list after one probe of the account route', async () => {
    const emu = await start(seed);
    emu.faults.add({ kind: 'error-after', status: 503, match: POST });
    const result = await clientFor(emu).generate('t2v', T2V);
    expect(result).toMatchObject({ reconciled: true, idempotentReplay: false });
    expect(additions(emu).map((r) => r.path)).toEqual(['/api/v1/account']);
    expect(posts(emu)).toHaveLength(1);
    expect(charges(emu)).toHaveLength(1);
  });
});
