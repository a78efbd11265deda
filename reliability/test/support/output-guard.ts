// Setup file: everything this worker prints (stdout, stderr, console) is screened for the sentinel key;
// a file that printed it fails.
import { inspect } from 'node:util';
import { afterAll } from 'vitest';
import { KEY } from './constants';

const hits: string[] = [];

function screen(text: string): void {
  if (text.includes(KEY)) hits.push(text.slice(0, 200));
}

for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    screen(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return write(chunk, ...rest);
  }) as typeof stream.write;
}

for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
  const original = console[method].bind(console);
  console[method] = (...args: unknown[]) => {
    screen(args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg, { depth: 8 }))).join(' '));
    original(...args);
  };
}

afterAll(() => {
  if (hits.length > 0) throw new Error(`The sentinel key was printed ${hits.length} time(s)`);
});
