// The emulator in its own process (its command line, as users start it), so that a load test measures the
// client's memory alone. Its books are read over its control routes.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { RequestRecord } from '@aivideomaker/emulator';
import { KEY } from './constants';

export interface EmulatorProcess {
  url: string;
  requests(): Promise<Pick<RequestRecord, 'method' | 'path' | 'status'>[]>;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

const bin = join(
  dirname(createRequire(import.meta.url).resolve('@aivideomaker/emulator/package.json')),
  'dist/cli.mjs',
);

export async function emulatorProcess(speed: number): Promise<EmulatorProcess> {
  const args = ['--port', '0', '--speed', String(speed), '--api-key', KEY, '--credits', '100000000'];
  const child: ChildProcess = spawn(process.execPath, [bin, ...args, '--fault-control', '--quiet'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const lines = createInterface({ input: child.stdout! });
  const [url] = (await once(lines, 'line')) as [string];
  lines.close();
  child.stdout?.destroy();
  const close = async () => {
    if (child.exitCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  };
  return {
    url,
    async requests() {
      const response = await fetch(`${url}/__emulator/requests`);
      const body = (await response.json()) as { requests: RequestRecord[] } | RequestRecord[];
      return Array.isArray(body) ? body : body.requests;
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
