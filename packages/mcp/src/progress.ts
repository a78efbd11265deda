// Core reports a waiting tool's status changes through a callback; MCP carries them as
// notifications/progress for the caller's progressToken, with the message of core's progress payload (the
// same line LangChain's and Mastra's adapters stream). Hosts that honour resetTimeoutOnProgress keep the
// call open while they arrive. The progress value only counts status changes (MCP requires it to grow);
// the total is unknown.
import { type ProgressChannel, progressChannel } from '@aivideomaker/core/internal';
import type { ToolName } from '@aivideomaker/core/tools';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';

export type CallExtra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/** Notifies the caller, or does nothing when the request carried no progressToken. */
export function progressSink(
  tool: ToolName,
  extra: CallExtra,
  log?: (message: string) => void,
): ProgressChannel {
  const token = extra._meta?.progressToken;
  let count = 0;
  return progressChannel(
    tool,
    undefined,
    (event) => {
      if (token === undefined) return;
      count += 1;
      const params = { progressToken: token, progress: count, message: event.data.message };
      return extra.sendNotification({ method: 'notifications/progress', params });
    },
    // A client that went away must not fail the paid call that is still being waited for.
    (error) => log?.(`progress notification not sent: ${String(error)}`),
  );
}
