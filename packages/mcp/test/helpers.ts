// Test harness: the emulator in-process over real HTTP, the BUILT bin started as a real process, and the
// MCP SDK's own client talking to it over stdio or Streamable HTTP. KEY and OTHER_KEY are sentinels that
// must never show in a log line, a result or an error.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Emulator } from '@aivideomaker/emulator';
import { compressedEmulator } from '@aivideomaker/test-support/emulator';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/** What the emulator was asked to generate (the paid POSTs). */
export { emulatorPerFile, generatePosts as generateRequests } from '@aivideomaker/test-support/emulator';

export const BIN = join(import.meta.dirname, '../dist/bin.mjs');
export const KEY = 'fake-key-MCPSENTINEL-4b9e1c';
export const OTHER_KEY = 'fake-key-OTHERSENTINEL-8a2d7f';
/** Status checks while waiting: often enough to see PROGRESS at this emulator speed. */
export const POLL = ['--poll-interval', '100'];

/** speed 20: a 5 s t2v is SUBMITTED for 150 ms, then PROGRESS for 2 s. */
export const { emulator } = compressedEmulator({
  key: KEY,
  speed: 20,
  defaults: { apiKeys: [KEY, OTHER_KEY] },
});

export interface StdioServer {
  client: Client;
  /** Everything the server wrote on stderr so far. */
  stderr(): string;
  close(): Promise<void>;
}

/** The built bin over stdio, with a connected SDK client, as a desktop host starts it. */
export async function stdioServer(emu: Emulator, args: string[] = [], env: Record<string, string> = {}) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, ...POLL, ...args],
    env: { PATH: process.env.PATH ?? '', AIVIDEOMAKER_API_KEY: KEY, AIVIDEOMAKER_BASE_URL: emu.url, ...env },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const client = new Client({ name: 'test-host', version: '1.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr, close: () => client.close() } satisfies StdioServer;
}

export interface HttpServer {
  url: string;
  stderr(): string;
  close(): Promise<void>;
}

/** The built bin with --http on a free loopback port; resolves once it printed its URL on stderr. */
export function httpServer(emu: Emulator, args: string[] = [], env: Record<string, string> = {}) {
  const child: ChildProcess = spawn(process.execPath, [BIN, '--http', '--port', '0', ...POLL, ...args], {
    env: { PATH: process.env.PATH ?? '', AIVIDEOMAKER_BASE_URL: emu.url, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stdout?.on('data', (chunk) => {
    stdout += String(chunk);
  });
  return new Promise<HttpServer>((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
    child.stderr?.on('data', (chunk) => {
      stderr += String(chunk);
      const url = /listening on (\S+)/.exec(stderr)?.[1];
      if (url)
        resolve({
          url,
          stderr: () => stderr + stdout,
          close: () =>
            new Promise<void>((done) => {
              child.removeAllListeners('exit');
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
    });
  });
}

/** An SDK client over Streamable HTTP sending `Authorization: Bearer <key>` (or no header). */
export async function httpClient(url: string, key: string | undefined): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: key ? { headers: { Authorization: `Bearer ${key}` } } : {},
  });
  const client = new Client({ name: 'test-host', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

export function textOf(result: CallToolResult): string {
  return result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
}

export const TEXT_TO_VIDEO = { prompt: 'a red fox running through snow', duration: '5' };
