// Reads retried with backoff; Retry-After (seconds, HTTP date, retry-after-ms) honoured and capped.
import { describe, expect, it } from 'vitest';
import { backoffMs, MAX_RETRY_AFTER_MS, parseRetryAfter } from '../src/http/retry';
import { clientFor, emulator, emulatorPerFile } from './helpers';

const emu = emulatorPerFile(() => emulator());

const gap = () => {
  const [first, second] = emu.requests;
  return (second?.at ?? 0) - (first?.at ?? 0);
};

describe('retries', () => {
  it('honours Retry-After in seconds', async () => {
    emu.faults.add({ kind: 'rate-limit', retryAfter: '1' });
    await clientFor(emu).tasks.list();
    expect(emu.requests.map((r) => r.status)).toEqual([429, 200]);
    expect(gap()).toBeGreaterThanOrEqual(950);
  });

  it('honours Retry-After as an HTTP date', async () => {
    emu.faults.add({ kind: 'rate-limit', retryAfter: new Date(Date.now() + 2_000).toUTCString() });
    await clientFor(emu).tasks.list();
    expect(emu.requests.map((r) => r.status)).toEqual([429, 200]);
    expect(gap()).toBeGreaterThanOrEqual(900);
  });

  // Retry-After 0, negative or in the past: the reliability suite's hostile-server test (one place).

  it("waits out the emulator's own 429 using retry-after-ms", async () => {
    const client = clientFor(emu, { rateLimit: false });
    await Promise.all(Array.from({ length: 70 }, () => client.tasks.list()));
    const statuses = emu.requests.map((r) => r.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 200)).toHaveLength(70);
  });

  it('retries reads on 5xx and resets, then succeeds', async () => {
    emu.faults.add({ kind: 'error-before', status: 503 });
    emu.faults.add({ kind: 'reset' });
    await expect(clientFor(emu).tasks.list()).resolves.toBeInstanceOf(Array);
    expect(emu.requests.map((r) => r.status)).toEqual([503, 0, 200]);
  });

  it('does not retry a 4xx', async () => {
    await expect(clientFor(emu).tasks.get('missing')).rejects.toMatchObject({ status: 404 });
    expect(emu.requests).toHaveLength(1);
  });

  it('parses and caps Retry-After values', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const at = (value: Record<string, string>) => parseRetryAfter(new Headers(value), now);
    expect(at({ 'retry-after': '3' })).toBe(3000);
    expect(at({ 'retry-after': '0.5' })).toBe(500);
    expect(at({ 'retry-after': 'Thu, 01 Jan 2026 00:00:04 GMT' })).toBe(4000);
    // Zero, negative and past values would mean "retry at once, again and again": treated as absent.
    expect(at({ 'retry-after': 'Wed, 31 Dec 2025 00:00:00 GMT' })).toBeUndefined();
    expect(at({ 'retry-after': '0' })).toBeUndefined();
    expect(at({ 'retry-after': '-5' })).toBeUndefined();
    expect(at({ 'retry-after-ms': '0', 'retry-after': '-1' })).toBeUndefined();
    expect(at({ 'retry-after-ms': '-20' })).toBeUndefined();
    expect(at({ 'retry-after': '86400' })).toBe(MAX_RETRY_AFTER_MS);
    expect(at({ 'retry-after-ms': '250', 'retry-after': '9' })).toBe(250);
    expect(at({ 'retry-after': 'soon' })).toBeUndefined();
    expect(at({})).toBeUndefined();
  });

  it('backs off exponentially with jitter, capped at 8 s', () => {
    expect(backoffMs(0, () => 0)).toBe(500);
    expect(backoffMs(3, () => 0)).toBe(4000);
    expect(backoffMs(10, () => 0)).toBe(8000);
    expect(backoffMs(10, () => 1)).toBe(6000);
  });
});
