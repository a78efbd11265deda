// Core's tool specs registered on an MCP server 1:1: name, title, description, input and output schema come
// from the spec, annotations from annotations.ts; nothing is re-declared here.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { callTool, toolConfig } from './call';
import type { Log } from './log';
import type { KeySession } from './session';
import { registerTaskTool } from './tasks';

/** Registers every spec of the session; the paid ones also accept task-augmented calls (MCP Tasks). */
export function registerVideoTools(server: McpServer, session: KeySession, log: Log): void {
  for (const spec of session.specs) {
    if (spec.paid) registerTaskTool(server, session, spec, log);
    else
      server.registerTool(spec.name, toolConfig(spec), (args, extra) =>
        callTool(session, spec, args, extra, log),
      );
  }
}
