import { describe, expect, it } from 'vitest';
import { call, submit, t2v, useEmulator } from './helpers';

const start = useEmulator();

describe('rate limit on task queries', () => {
  it('answers the 61st query in a minute with 429, Retry-After in seconds and retry-after-ms', async () => {
    const emu = await start({ speed: 1 });
    const { taskId } = await submit(emu, 't2v', t2v());
    const paths = ['/api/v1/tasks', `/api/v1/tasks/${taskId}`, `/api/v1/tasks/${taskId}/status`];
    for (let i = 0; i < 60; i++) {
      const result = await call(emu, paths[i % 3] ?? '');
      expect(result.status, `query ${i + 1}`).toBe(200);
    }
    const limited = await call(emu, '/api/v1/tasks');
    expect(limited.status).toBe(429);
    expect(limited.json.status).toBe('FAILED');
    const seconds = Number(limited.headers.get('retry-after'));
    const ms = Number(limited.headers.get('retry-after-ms'));
    expect(Number.isInteger(seconds)).toBe(true);
    expect(seconds).toBeGreaterThanOrEqual(55);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(ms).toBeGreaterThan(55_000);
    expect(ms).toBeLessThanOrEqual(60_000);
    // Submitting and cancelling are not queries: still allowed.
    const other = await submit(emu, 't2v', t2v());
    expect((await call(emu, `/api/v1/tasks/${other.taskId}/cancel`, { method: 'PUT' })).status).toBe(200);
  });

  it('compresses the window by speed and opens a new one when it ends', async () => {
    const emu = await start({ speed: 100, rateLimit: { limit: 3, windowMs: 60_000 } });
    for (let i = 0; i < 3; i++) expect((await call(emu, '/api/v1/tasks')).status).toBe(200);
    const limited = await call(emu, '/api/v1/tasks');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    const waitMs = Number(limited.headers.get('retry-after-ms'));
    expect(waitMs).toBeGreaterThan(0);
    expect(waitMs).toBeLessThanOrEqual(600);
    await new Promise((resolve) => setTimeout(resolve, waitMs + 10));
    expect((await call(emu, '/api/v1/tasks')).status).toBe(200);
  });

  it('can be switched off', async () => {
    const emu = await start({ rateLimit: false });
    for (let i = 0; i < 70; i++) expect((await call(emu, '/api/v1/tasks')).status).toBe(200);
  });
});
