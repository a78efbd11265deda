// The built command line (dist/cli.mjs, the package's bin), run as a real child process.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../src/index';

const CLI = join(import.meta.dirname, '..', 'dist', 'cli.mjs');
const children: ChildProcess[] = [];

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run pnpm build first`);
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function run(args: string[]) {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      lines.close();
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing`)));
  });
}

describe('aivideomaker-emulator command line', () => {
  it('prints its URL first, serves the API, logs on stderr without the key, and exits 0 on SIGTERM', async () => {
    const { child, exited, output } = run([
      '--port',
      '0',
      '--api-key',
      'cli-secret',
      '--api-key',
      'k2',
      '--speed',
      '50',
    ]);
    const url = await firstLine(child);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const ok = await fetch(`${url}/api/v1/tasks`, { headers: { key: 'cli-secret' } });
    expect(await ok.json()).toEqual({ tasks: [] });
    expect((await fetch(`${url}/api/v1/tasks`, { headers: { key: 'k2' } })).status).toBe(200);
    expect((await fetch(`${url}/api/v1/tasks`, { headers: { key: 'other' } })).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const { stdout, stderr } = output();
    expect(stdout).toBe(`${url}\n`);
    expect(stderr).toMatch(/GET \/api\/v1\/tasks 200 \d+ms/);
    expect(stderr).toMatch(/GET \/api\/v1\/tasks 401 \d+ms/);
    expect(stderr).not.toContain('cli-secret');
  });

  it('stays silent on stderr with --quiet, enables control routes with --fault-control, stops on SIGINT', async () => {
    const { child, exited, output } = run(['--port', '0', '--quiet', '--fault-control', '--credits', '7']);
    const url = await firstLine(child);
    const ledger = await fetch(`${url}/__emulator/ledger?key=anyone`);
    expect(await ledger.json()).toMatchObject({ balance: 7 });
    await fetch(`${url}/api/v1/tasks`, { headers: { key: 'anyone' } });
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output().stderr).not.toMatch(/GET \/api/);
  });

  it.each([
    [['--nope'], /Unknown option '--nope'/],
    [['--port', 'abc'], /--port must be an integer 0-65535 \(got "abc"\)/],
    [['--port', '99999'], /--port must be an integer 0-65535/],
    [['--speed', '0'], /--speed must be a number >= 0.001/],
    [['--speed', '0.0000001'], /--speed must be a number >= 0.001/],
    [['--webhook-host', 'http://x/'], /--webhook-host must be a host name or host:port/],
    [['--max-body-bytes', '10'], /--max-body-bytes must be an integer >= 1024/],
    [['--credits=-5'], /--credits must be a number >= 0/],
    [['--failure-rate', '2'], /--failure-rate must be a number from 0 to 1/],
    [['--seed', '1.5'], /--seed must be an integer/],
    [['--api-key', ''], /--api-key must not be empty/],
    [['extra'], /Unexpected argument 'extra'/],
    [['--api', 'v2'], /--api must be one of live, seed \(got "v2"\)/],
    [['--prices', 'cheap'], /--prices must be list or measured, or a JSON object/],
    [['--prices', '{"t2v":-1}'], /--prices: prices.t2v must be credits per second/],
  ])('refuses %j with a message and exit code 2', async (args, message) => {
    const { exited, output } = run(args);
    expect(await exited).toBe(2);
    expect(output().stderr).toMatch(message);
    expect(output().stderr).toContain('--help');
    expect(output().stdout).toBe('');
  });

  it('--api seed turns the additions off; --prices sets what the server charges', async () => {
    const seed = run(['--port', '0', '--quiet', '--api', 'seed']);
    const seedUrl = await firstLine(seed.child);
    expect((await fetch(`${seedUrl}/api/v1/account`, { headers: { key: 'k' } })).status).toBe(404);
    seed.child.kill('SIGTERM');
    const live = run(['--port', '0', '--prices', 'measured']);
    const url = await firstLine(live.child);
    const quote = await fetch(`${url}/api/v1/quote/t2v`, {
      method: 'POST',
      headers: { key: 'k', 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'x', aspectRatio: '16:9', duration: '5' }),
    });
    expect(await quote.json()).toMatchObject({ credits: 15, billable: false });
    live.child.kill('SIGTERM');
    expect(await live.exited).toBe(0);
    expect(live.output().stderr).toMatch(/api live\)/);
    expect(await seed.exited).toBe(0);
  });

  it('exits 1 with a hint when the port is in use', async () => {
    const emu = await startEmulator();
    try {
      const { exited, output } = run(['--port', String(emu.port), '--quiet']);
      expect(await exited).toBe(1);
      expect(output().stderr).toMatch(
        `Port ${emu.port} on 127.0.0.1 is already in use (choose another with --port`,
      );
    } finally {
      await emu.close();
    }
  });

  it('prints usage with --help', async () => {
    const { exited, output } = run(['--help']);
    expect(await exited).toBe(0);
    expect(output().stdout).toMatch(/^Usage: aivideomaker-emulator/);
    expect(output().stdout).toContain('--failure-rate');
  });
});
