// Progress of a waiting video tool, sent through both LangChain channels: the graph's stream writer
// (`streamMode: 'custom'`) and a callback custom event (`streamEvents`, `on_custom_event`).
import type { ToolName, VideoToolProgress } from '@aivideomaker/core/tools';
// The web entry takes the config explicitly and needs no node:async_hooks, so the adapter runs anywhere.
import { dispatchCustomEvent } from '@langchain/core/callbacks/dispatch/web';
import type { ToolRuntime } from '@langchain/core/tools';

/** The `type` of every progress chunk and the name of every progress custom event. */
export const PROGRESS_EVENT = 'aivideomaker_progress';

/** One status change of a video task, as streamed to the app (never to the model). */
export interface AIVideoMakerProgress extends Omit<VideoToolProgress, 'task'> {
  type: typeof PROGRESS_EVENT;
  tool: ToolName;
  /** The tool call this progress belongs to (absent when the tool is invoked without one). */
  toolCallId?: string;
}

export function isAIVideoMakerProgress(chunk: unknown): chunk is AIVideoMakerProgress {
  return typeof chunk === 'object' && chunk !== null && (chunk as { type?: unknown }).type === PROGRESS_EVENT;
}

/** In an agent the ToolNode sets toolCallId; a direct `invoke(toolCall)` only sets toolCall. */
export function toolCallIdOf(runtime: ToolRuntime): string | undefined {
  return runtime.toolCallId ?? runtime.toolCall?.id;
}

export interface ProgressReporter {
  onProgress(progress: VideoToolProgress): void;
  /** Resolves once every custom event has been dispatched, so none arrives after the tool's result. */
  flush(): Promise<void>;
}

export function progressReporter(tool: ToolName, runtime: ToolRuntime): ProgressReporter {
  let dispatched = Promise.resolve();
  const toolCallId = toolCallIdOf(runtime);
  return {
    onProgress({ task: _task, ...progress }) {
      // The raw task stays out of the stream: its input may hold a large data URL of the source image.
      const chunk: AIVideoMakerProgress = {
        type: PROGRESS_EVENT,
        tool,
        ...(toolCallId ? { toolCallId } : {}),
        ...progress,
      };
      runtime.writer?.(chunk);
      dispatched = dispatched
        .then(() => dispatchCustomEvent(PROGRESS_EVENT, chunk, runtime))
        // A failing event handler belongs to the app; it must not fail the paid call.
        .catch(() => undefined);
    },
    flush: () => dispatched,
  };
}
