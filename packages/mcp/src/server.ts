// One MCP server for one key session: the tools from core's specs, the task resource, and MCP Tasks
// backed by the session's task store (shared by every connection of that key).
import { InMemoryTaskMessageQueue } from '@modelcontextprotocol/sdk/experimental/tasks/stores/in-memory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { useCoreInputErrors } from './input-errors';
import type { Log } from './log';
import { registerTaskResource } from './resources';
import type { KeySession } from './session';
import { registerVideoTools } from './tools';
import { VERSION } from './version';

export const SERVER_NAME = 'aivideomaker';

const INSTRUCTIONS =
  'AI Video Maker: create videos from text or images. Generation costs credits (estimate_video_credits is free) and takes minutes: a generation call waits a bounded time, then returns a task id; call get_video_task with it until the video is ready. Video URLs expire after about 24 hours.';

export function createMcpServer(session: KeySession, log: Log): McpServer {
  const server = new McpServer(
    { name: SERVER_NAME, title: 'AI Video Maker', version: VERSION },
    {
      capabilities: {
        logging: {},
        tasks: { list: {}, cancel: {}, requests: { tools: { call: {} } } },
      },
      taskStore: session.taskStore,
      taskMessageQueue: new InMemoryTaskMessageQueue(),
      instructions: INSTRUCTIONS,
    },
  );
  registerVideoTools(server, session, log);
  useCoreInputErrors(server, session.specs);
  registerTaskResource(server, session);
  return server;
}
