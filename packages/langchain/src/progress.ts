// Progress of a waiting video tool, sent through both LangChain channels: the graph's stream writer
// (`streamMode: 'custom'`) and a callback custom event (`streamEvents`, `on_custom_event`). Both carry
// core's payload, the chunk Mastra's writer streams too: { type: 'data-video-progress', data }.
import { type ProgressChannel, progressChannel } from '@aivideomaker/core/internal';
import { type ToolName, VIDEO_PROGRESS_EVENT } from '@aivideomaker/core/tools';
// The web entry takes the config explicitly and needs no node:async_hooks, so the adapter runs anywhere.
import { dispatchCustomEvent } from '@langchain/core/callbacks/dispatch/web';
import type { ToolRuntime } from '@langchain/core/tools';

/** In an agent the ToolNode sets toolCallId; a direct `invoke(toolCall)` only sets toolCall. */
export function toolCallIdOf(runtime: ToolRuntime): string | undefined {
  return runtime.toolCallId ?? runtime.toolCall?.id;
}

/** A failing writer or event handler belongs to the app; the channel keeps it from failing the paid call. */
export function progressReporter(tool: ToolName, runtime: ToolRuntime): ProgressChannel {
  return progressChannel(tool, toolCallIdOf(runtime), async (event) => {
    runtime.writer?.(event);
    // The custom event is named after the chunk's type, so both channels filter the same way.
    await dispatchCustomEvent(VIDEO_PROGRESS_EVENT, event, runtime);
  });
}
