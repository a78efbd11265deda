// The CLI run in-process (runCli) with captured streams, the sentinel key and the emulator's URL.
import { Readable } from 'node:stream';
import { runCli } from '@aivideomaker/cli';
import type { Emulator } from '@aivideomaker/emulator';
import { KEY } from './constants';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(
  argv: string[],
  target: Emulator | string,
  options: { cwd?: string; signal?: AbortSignal; key?: string } = {},
): Promise<CliRun> {
  const capture = () => {
    const stream = { text: '', isTTY: false, columns: 100, write: (chunk: string) => (stream.text += chunk) };
    return stream;
  };
  const stdout = capture();
  const stderr = capture();
  const code = await runCli(argv, {
    stdout,
    stderr,
    stdin: Object.assign(Readable.from([]), { isTTY: false }),
    env: {
      AIVIDEOMAKER_API_KEY: options.key ?? KEY,
      AIVIDEOMAKER_BASE_URL: typeof target === 'string' ? target : target.url,
    },
    cwd: options.cwd ?? process.cwd(),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
