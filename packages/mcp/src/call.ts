// One call of a core tool spec over MCP: the spec's execute with the request's abort signal and progress
// sink, its output or error turned into a tool result. The wait is bounded by core's `wait` option (set
// from --wait), so a generation answers with the task id to check later instead of outlasting the host's
// call timeout; get_video_task waits up to the same bound for the task to end before answering.
import type { VideoToolSpec } from '@aivideomaker/core/tools';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { annotationsFor } from './annotations';
import type { Log } from './log';
import { type CallExtra, progressSink } from './progress';
import type { KeySession } from './session';
import { errorResult, toolResult } from './tool-result';
import { getTaskAfterWait } from './wait';

/** One call of a spec with the bounded wait, as a tool result (errors included: core's advice line). */
export async function callTool(
  session: KeySession,
  spec: VideoToolSpec,
  args: unknown,
  extra: CallExtra,
  log: Log,
): Promise<CallToolResult> {
  const sink = progressSink(spec.name, extra, log);
  const call = { signal: extra.signal, onProgress: sink.onProgress };
  try {
    const output =
      spec.name === 'get_video_task'
        ? await getTaskAfterWait(session, args as { taskId: string }, {
            timeoutMs: session.options.waitMs,
            ...call,
          })
        : await spec.execute(args, call);
    await sink.flush();
    return toolResult(spec, output);
  } catch (error) {
    await sink.flush();
    return errorResult(error);
  }
}

export function toolConfig(spec: VideoToolSpec) {
  return {
    title: spec.title,
    description: spec.description,
    inputSchema: spec.inputSchema,
    outputSchema: spec.outputSchema,
    annotations: annotationsFor(spec),
  };
}
