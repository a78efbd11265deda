// The paid tools as MCP task tools (experimental tasks API, taskSupport 'optional'). A client that asks for a
// task gets one at once and follows it with tasks/get, tasks/result and tasks/cancel. A plain tools/call
// still works as everywhere else: the SDK serves it through a task too, which here simply runs the bounded
// call inline and stores its answer, so both kinds of client get the same result.
import type { VideoToolSpec } from '@aivideomaker/core/tools';
import type { ToolTaskHandler } from '@modelcontextprotocol/sdk/experimental/tasks/interfaces.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { AnySchema } from '@modelcontextprotocol/sdk/server/zod-compat.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { callTool, toolConfig } from './call';
import type { Log } from './log';
import type { KeySession } from './session';
import { runTaskInBackground, TASK_WAIT_MS } from './task-runner';

const DEFAULT_TASK_POLL_MS = 5_000;

export function registerTaskTool(
  server: McpServer,
  session: KeySession,
  spec: VideoToolSpec,
  log: Log,
): void {
  const config = { ...toolConfig(spec), execution: { taskSupport: 'optional' as const } };
  const handler: ToolTaskHandler<AnySchema> = {
    async createTask(args, extra) {
      const task = await extra.taskStore.createTask({
        ttl: Math.max(extra.taskRequestedTtl ?? 0, TASK_WAIT_MS + 10 * 60_000),
        pollInterval: session.options.pollIntervalMs ?? DEFAULT_TASK_POLL_MS,
      });
      const store = session.taskStore;
      if (store.isInline(task.taskId)) {
        const result = await callTool(session, spec, args, extra, log);
        // Stored directly: the request's task store would announce a task this plain call never asked for.
        await store.storeTaskResult(task.taskId, 'completed', result, extra.sessionId);
        return { task: (await store.getTask(task.taskId, extra.sessionId)) ?? task };
      }
      runTaskInBackground(session, spec, args, task.taskId, extra.sessionId, log);
      return { task };
    },
    getTask: (_args, extra) => extra.taskStore.getTask(extra.taskId),
    // The SDK types the stored result as a plain Result; it is the CallToolResult stored above.
    getTaskResult: async (_args, extra) =>
      (await extra.taskStore.getTaskResult(extra.taskId)) as CallToolResult,
  };
  server.experimental.tasks.registerToolTask(spec.name, config, handler);
}
