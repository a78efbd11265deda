// stdio: the transport desktop hosts start (`npx -y @aivideomaker/mcp`). stdout carries only protocol
// messages; every log line goes to stderr. The key comes from AIVIDEOMAKER_API_KEY; without one the tools
// still list, and each call says how to set it.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { coreLogger, type Log } from './log';
import type { ServerOptions } from './options';
import { createMcpServer } from './server';
import { createKeySession } from './session';

export async function serveStdio(options: ServerOptions, log: Log): Promise<void> {
  const session = createKeySession(options, undefined, coreLogger(log, options.verbose));
  const server = createMcpServer(session, log);
  const transport = new StdioServerTransport();
  let closed = false;
  const shutdown = () => {
    if (closed) return;
    closed = true;
    // Tasks already submitted keep running on the service; get_video_task finds them from any session.
    session.taskStore.cleanup();
    void server.close().finally(() => process.exit(0));
  };
  process.stdin.once('end', shutdown);
  process.stdin.once('close', shutdown);
  await server.connect(transport);
  let api = '';
  try {
    api = ` for ${session.client().baseUrl}`;
  } catch {
    api = ' (no AIVIDEOMAKER_API_KEY: tools list, calls explain how to set it)';
  }
  log(`stdio server ready${api}: ${session.specs.map((spec) => spec.name).join(', ')}`);
}
