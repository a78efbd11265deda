// The MCP Inspector's CLI (the debugging tool hosts point people to) lists the tools of the built stdio
// server: an independent client implementation agreeing with ours.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TOOL_NAMES } from '@aivideomaker/core/tools';
import { expect, it } from 'vitest';
import { BIN } from './helpers';

const INSPECTOR = join(import.meta.dirname, '../node_modules/.bin/mcp-inspector');

it('`mcp-inspector --cli <server> --method tools/list` lists every tool', { timeout: 30_000 }, async () => {
  // Its own home: the Inspector may keep a catalog and secrets under ~/.mcp-inspector.
  const home = mkdtempSync(join(tmpdir(), 'inspector-home-'));
  try {
    const { stdout } = await promisify(execFile)(
      INSPECTOR,
      ['--cli', process.execPath, BIN, '--method', 'tools/list'],
      // No key at all: listing tools needs none.
      { env: { PATH: process.env.PATH ?? '', HOME: home }, timeout: 25_000 },
    );
    const { tools } = JSON.parse(stdout) as {
      tools: { name: string; annotations?: { openWorldHint?: boolean } }[];
    };
    expect(tools.map((tool) => tool.name)).toEqual([...TOOL_NAMES]);
    expect(tools.every((tool) => tool.annotations?.openWorldHint === true)).toBe(true);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
