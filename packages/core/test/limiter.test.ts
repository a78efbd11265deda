// A limiter passed as `rateLimit` replaces the in-process one: every query call takes its slot and gives
// it back, the paid POST does not, a 429 is reported to it, and an abort while waiting ends the call.
import { describe, expect, it } from 'vitest';
import { AIVideoMaker, type QueryLimiter } from '../src/index';
import { clientFor, emulator, emulatorPerFile, KEY, T2V } from './helpers';

const emu = emulatorPerFile(() => emulator());

/** A limiter that records what the client asks of it and lets `gate` hold every acquire. */
function recordingLimiter() {
  const events: string[] = [];
  let open: Promise<void> = Promise.resolve();
  let openGate = () => {};
  const limiter: QueryLimiter & { events: string[]; close(): void; open(): void } = {
    events,
    async acquire(signal) {
      events.push('acquire');
      await Promise.race([
        open,
        new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason))),
      ]);
      return () => events.push('release');
    },
    pause(ms) {
      events.push(`pause ${ms >= 900 ? '>=900' : ms}`);
    },
    close() {
      open = new Promise((resolve) => {
        openGate = resolve;
      });
    },
    open() {
      openGate();
    },
  };
  return limiter;
}

describe('a limiter passed as rateLimit', () => {
  it('gives each query call a slot and releases it; the paid POST takes none', async () => {
    const limiter = recordingLimiter();
    const client = clientFor(emu, { rateLimit: limiter });
    const { taskId } = await client.generate('t2v', T2V);
    expect(limiter.events).toEqual([]);
    await client.tasks.status(taskId);
    await client.tasks.list();
    expect(limiter.events).toEqual(['acquire', 'release', 'acquire', 'release']);
  });

  it("hears of a 429 with the server's Retry-After, then the retry takes a new slot", async () => {
    const limiter = recordingLimiter();
    emu.faults.add({ kind: 'rate-limit', retryAfter: '1' });
    await clientFor(emu, { rateLimit: limiter }).tasks.list();
    expect(limiter.events).toEqual(['acquire', 'pause >=900', 'release', 'acquire', 'release']);
    expect(emu.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it('a call waiting for its slot ends with the abort reason and sends nothing', async () => {
    const limiter = recordingLimiter();
    limiter.close();
    const client = clientFor(emu, { rateLimit: limiter });
    const controller = new AbortController();
    const pending = client.tasks.list({ signal: controller.signal });
    controller.abort(new Error('user gave up'));
    await expect(pending).rejects.toThrow('user gave up');
    limiter.open();
    expect(emu.requests).toEqual([]);
  });

  it('a pause that fails does not hide the 429 it reports', async () => {
    const limiter: QueryLimiter = {
      acquire: async () => () => {},
      pause: async () => {
        throw new Error('database down');
      },
    };
    emu.faults.add({ kind: 'rate-limit', retryAfter: '0' });
    const lines: string[] = [];
    const client = new AIVideoMaker({
      apiKey: KEY,
      baseUrl: emu.url,
      rateLimit: limiter,
      maxRetries: 0,
      logger: { debug: (line) => lines.push(line) },
    });
    await expect(client.tasks.list()).rejects.toMatchObject({ name: 'RateLimitError' });
    expect(lines.some((line) => line.includes('could not record a pause (database down)'))).toBe(true);
  });

  it('an object without pause() is refused when the client is made', () => {
    const acquire = async () => () => {};
    expect(
      () => new AIVideoMaker({ apiKey: KEY, rateLimit: { acquire } as unknown as QueryLimiter }),
    ).toThrow(/rateLimit: a limiter needs acquire\(signal\) and pause\(ms\)/);
  });
});
