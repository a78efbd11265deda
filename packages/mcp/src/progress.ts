// Core reports a waiting tool's status changes through a callback; MCP carries them as
// notifications/progress for the caller's progressToken. Hosts that honour resetTimeoutOnProgress keep the
// call open while they arrive. The progress value only counts status changes (MCP requires it to grow);
// the total is unknown, and core's one-line message says what happened.
// Kept in one file so a core-wide progress payload (issue 22) can replace it in one place.
import type { VideoToolProgress } from '@aivideomaker/core/tools';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';

export type CallExtra = RequestHandlerExtra<ServerRequest, ServerNotification>;

export interface ProgressSink {
  onProgress(progress: VideoToolProgress): void;
  /** Resolves once every notification was handed to the transport, so none trails the result. */
  flush(): Promise<void>;
}

/** A sink that notifies the caller, or does nothing when the request carried no progressToken. */
export function progressSink(extra: CallExtra, log?: (message: string) => void): ProgressSink {
  const token = extra._meta?.progressToken;
  let count = 0;
  let sent = Promise.resolve();
  return {
    onProgress(progress) {
      if (token === undefined) return;
      count += 1;
      const params = { progressToken: token, progress: count, message: progress.message };
      sent = sent
        .then(() => extra.sendNotification({ method: 'notifications/progress', params }))
        // A client that went away must not fail the paid call that is still being waited for.
        .catch((error: unknown) => log?.(`progress notification not sent: ${String(error)}`));
    },
    flush: () => sent,
  };
}
