// The MCP bundle: built by the package script, unpacked outside the repo (no node_modules to lean on), its
// manifest checked, and its bundled server driven by the SDK client against the emulator.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import { videoTaskOutput } from '@aivideomaker/core/internal';
import { TOOL_NAMES } from '@aivideomaker/core/tools';
import type { Emulator } from '@aivideomaker/emulator';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { emulator, KEY, TEXT_TO_VIDEO } from './helpers';

const PACKAGE = join(import.meta.dirname, '..');

/** Unpacks a ZIP file by its central directory (deflate and stored entries). */
function unzip(file: string, into: string): string[] {
  const data = readFileSync(file);
  const end = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let index = 0; index < count; index++) {
    const method = data.readUInt16LE(at + 10);
    const size = data.readUInt32LE(at + 20);
    const nameLength = data.readUInt16LE(at + 28);
    const extra = data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
    const local = data.readUInt32LE(at + 42);
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const packed = data.subarray(start, start + size);
    mkdirSync(dirname(join(into, name)), { recursive: true });
    writeFileSync(join(into, name), method === 8 ? inflateRawSync(packed) : packed);
    names.push(name);
    at += 46 + nameLength + extra;
  }
  return names;
}

let emu: Emulator;
let unpacked: string;
beforeAll(async () => {
  emu = await emulator();
  await promisify(execFile)(process.execPath, ['scripts/build-mcpb.ts'], { cwd: PACKAGE });
  unpacked = mkdtempSync(join(tmpdir(), 'aivideomaker-mcpb-'));
}, 60_000);
afterAll(async () => {
  rmSync(unpacked, { recursive: true, force: true });
  await emu.close();
});

it('holds manifest.json and the bundled server; the manifest lists core tools and keeps the key sensitive', () => {
  const names = unzip(join(PACKAGE, 'mcpb/aivideomaker.mcpb'), unpacked);
  expect(names).toContain('manifest.json');
  expect(names).toContain('server/index.mjs');
  const manifest = JSON.parse(readFileSync(join(unpacked, 'manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe('0.3');
  expect(manifest.server.entry_point).toBe('server/index.mjs');
  expect(manifest.tools.map((tool: { name: string }) => tool.name)).toEqual([...TOOL_NAMES]);
  expect(manifest.user_config.api_key).toMatchObject({ sensitive: true, required: true });
  expect(manifest.server.mcp_config.env).toEqual({ AIVIDEOMAKER_API_KEY: `\${user_config.api_key}` });
  // The key travels in the environment, never on the command line.
  expect(JSON.stringify(manifest.server.mcp_config.args)).not.toContain('api_key');
});

it('the unpacked server runs on its own and makes a video', { timeout: 30_000 }, async () => {
  const manifest = JSON.parse(readFileSync(join(unpacked, 'manifest.json'), 'utf8'));
  // As Claude Desktop does: fill in ${__dirname} and the user's settings (a blank one stays blank).
  const settings: Record<string, string> = {
    wait_seconds: '40',
    max_credits_per_call: '100',
    max_credits_total: '',
  };
  const args = (manifest.server.mcp_config.args as string[]).map((arg) =>
    arg
      .replace(`\${__dirname}`, unpacked)
      .replace(/\$\{user_config\.(\w+)\}/, (_, name: string) => settings[name] ?? ''),
  );
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [...args, '--poll-interval', '100'],
    cwd: unpacked,
    env: { PATH: process.env.PATH ?? '', AIVIDEOMAKER_API_KEY: KEY, AIVIDEOMAKER_BASE_URL: emu.url },
    stderr: 'pipe',
  });
  const client = new Client({ name: 'bundle-host', version: '1.0.0' });
  await client.connect(transport);
  try {
    const result = (await client.callTool({
      name: 'text_to_video',
      arguments: TEXT_TO_VIDEO,
    })) as CallToolResult;
    expect(videoTaskOutput.parse(result.structuredContent).status).toBe('COMPLETED');
  } finally {
    await client.close();
  }
});
