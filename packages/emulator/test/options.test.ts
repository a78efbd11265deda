import { describe, expect, it } from 'vitest';
import { startEmulator } from '../src/index';
import { call, submit, t2v, useEmulator } from './helpers';

const start = useEmulator();

describe('startEmulator options', () => {
  it.each([
    [{ port: 70_000 }, /port must be an integer 0-65535/],
    [{ port: 1.5 }, /port must be an integer 0-65535/],
    [{ speed: 0 }, /speed must be a finite number >= 0.001/],
    [{ speed: Number.POSITIVE_INFINITY }, /speed must be a finite number >= 0.001/],
    [{ credits: -1 }, /credits must be a finite number >= 0/],
    [{ failureRate: 1.5 }, /failureRate must be a number from 0 to 1/],
    [{ seed: 0.5 }, /seed must be an integer/],
    [{ apiKeys: [] }, /apiKeys must be a non-empty array/],
    [{ apiKeys: ['ok', ' '] }, /apiKeys must be non-empty strings/],
    [{ rateLimit: { limit: 0, windowMs: 1000 } }, /rateLimit.limit must be an integer > 0/],
    [{ rateLimit: { limit: 5, windowMs: 0 } }, /rateLimit.windowMs must be a number > 0/],
  ])('refuses %j', async (options, message) => {
    await expect(startEmulator(options)).rejects.toThrow(message);
  });

  it('uses 127.0.0.1 and a free port by default, and reports them', async () => {
    const emu = await start();
    expect(emu.host).toBe('127.0.0.1');
    expect(emu.port).toBeGreaterThan(0);
    expect(emu.url).toBe(`http://127.0.0.1:${emu.port}`);
  });

  it('rejects with a clear error when the port is in use', async () => {
    const emu = await start();
    await expect(startEmulator({ port: emu.port })).rejects.toThrow(
      `Port ${emu.port} on 127.0.0.1 is already in use`,
    );
  });
});

describe('close()', () => {
  it('stops listening and stops the clock, and may be called twice', async () => {
    const emu = await startEmulator({ speed: 100 });
    const { taskId } = await submit(emu, 't2v', t2v());
    await emu.close();
    await emu.close();
    await expect(fetch(`${emu.url}/api/v1/tasks`)).rejects.toThrow(/fetch failed/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(emu.tasks().find((task) => task.id === taskId)?.status).toBe('SUBMITTED');
  });

  it('does not wait for a request held by a latency fault or an idle keep-alive connection', async () => {
    const emu = await startEmulator();
    await call(emu, '/api/v1/tasks', { key: 'k' });
    emu.faults.add({ kind: 'latency', delayMs: 60_000 });
    const held = call(emu, '/api/v1/tasks', { key: 'k' }).catch((error: Error) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await emu.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await held).toBeInstanceOf(Error);
  });

  it('supports await using', async () => {
    let url = '';
    {
      await using emu = await startEmulator();
      url = emu.url;
      expect((await fetch(`${url}/api/v1/tasks`, { headers: { key: 'k' } })).status).toBe(200);
    }
    await expect(fetch(`${url}/api/v1/tasks`)).rejects.toThrow(/fetch failed/);
  });
});
