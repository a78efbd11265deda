// Scenario 6, the MCP server: the built `aivideomaker-mcp` bin started over stdio and driven by the MCP
// SDK's client exactly as Claude Desktop, Cursor or VS Code drive it: list the tools, price the video for
// free, call text_to_video with a progress token (each status change arrives as notifications/progress),
// then follow the result's links: the video (resource_link, video/mp4) and the task resource.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Task } from '@aivideomaker/core';
import { estimateCredits } from '@aivideomaker/core';
import type { CallToolResult, ResourceLink } from '@modelcontextprotocol/sdk/types.js';
import { type Scenario, saveVideo } from '../scenario.ts';

const BIN = join(
  dirname(createRequire(import.meta.url).resolve('@aivideomaker/mcp/package.json')),
  'dist/bin.mjs',
);
const INPUT = {
  prompt: 'A paper boat drifting down a rainy street gutter',
  aspectRatio: '9:16',
  duration: '5',
} as const;

function text(result: CallToolResult): string {
  return result.content.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join(' ');
}

export const mcpScenario: Scenario = {
  name: 'mcp',
  title: 'MCP server: aivideomaker-mcp over stdio, driven by an MCP client as a desktop host does',
  plannedCredits: estimateCredits('t2v', INPUT),
  async run(context) {
    const { env, ui } = context;
    const startedAt = Date.now();
    // Loaded here, not at the top: `--help` and the other scenarios should not pay for the MCP SDK.
    const { Client } = await import('@modelcontextprotocol/sdk/client/index.js');
    const { StdioClientTransport } = await import('@modelcontextprotocol/sdk/client/stdio.js');
    // What a host's config holds: the command, and the key in the server's environment (never in args).
    const args = [BIN, '--wait', '40', ...(env.mode === 'emulator' ? ['--poll-interval', '100'] : [])];
    ui.info(`$ aivideomaker-mcp ${args.slice(1).join(' ')}   (stdio; key from AIVIDEOMAKER_API_KEY)`);
    const transport = new StdioClientTransport({
      command: process.execPath,
      args,
      env: {
        PATH: process.env.PATH ?? '',
        AIVIDEOMAKER_API_KEY: env.apiKey,
        AIVIDEOMAKER_BASE_URL: env.baseUrl,
      },
      stderr: 'pipe',
    });
    const client = new Client({ name: 'demo-host', version: '1.0.0' });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      ui.info(`tools/list: ${tools.map((tool) => tool.name).join(', ')}`);
      const estimate = (await client.callTool({
        name: 'estimate_video_credits',
        arguments: { model: 't2v', duration: INPUT.duration },
      })) as CallToolResult;
      ui.info(`estimate_video_credits: ${text(estimate)}`);

      ui.info(`tools/call text_to_video ${JSON.stringify(INPUT)}`);
      const result = (await client.callTool({ name: 'text_to_video', arguments: INPUT }, undefined, {
        onprogress: (progress) => ui.progress('mcp progress', progress.message ?? ''),
        // Progress keeps the call alive, as hosts that honour it do.
        resetTimeoutOnProgress: true,
      })) as CallToolResult;
      if (result.isError) throw new Error(`text_to_video failed: ${text(result)}`);
      ui.info(`result: ${text(result)}`);
      const links = result.content.filter((part): part is ResourceLink => part.type === 'resource_link');
      for (const link of links) ui.info(`resource_link: ${link.mimeType} ${link.uri}`);
      const taskLink = links.find((link) => link.uri.startsWith('aivideomaker://'));
      if (!taskLink) throw new Error('the result has no task link');
      const resource = await client.readResource({ uri: taskLink.uri });
      const task = JSON.parse((resource.contents[0] as { text: string }).text) as Task;
      const output = result.structuredContent as { model?: string; creditsCharged?: number };
      return [
        await saveVideo(
          context,
          {
            integration: 'mcp',
            model: output.model ?? 't2v',
            credits: output.creditsCharged ?? 0,
            startedAt,
          },
          task,
        ),
      ];
    } finally {
      await client.close();
    }
  },
};
