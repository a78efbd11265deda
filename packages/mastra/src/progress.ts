// Progress of a waiting video tool, streamed to the app as a Mastra custom data chunk
// (`writer.custom`), never to the model.
import type { ToolName, VideoToolProgress } from '@aivideomaker/core/tools';
import type { ToolStream } from '@mastra/core/tools';

/** The `type` of every progress chunk in `stream.fullStream`. */
export const VIDEO_PROGRESS_CHUNK = 'data-video-progress';

/** One status change of a video task. */
export interface VideoProgressData extends Omit<VideoToolProgress, 'task'> {
  tool: ToolName;
  /** The tool call this progress belongs to (absent outside an agent). */
  toolCallId?: string;
}

export interface VideoProgressChunk {
  type: typeof VIDEO_PROGRESS_CHUNK;
  data: VideoProgressData;
}

export function isVideoProgressChunk(chunk: unknown): chunk is VideoProgressChunk {
  return (
    typeof chunk === 'object' && chunk !== null && (chunk as { type?: unknown }).type === VIDEO_PROGRESS_CHUNK
  );
}

export interface ProgressReporter {
  onProgress(progress: VideoToolProgress): void;
  /** Resolves once every chunk is written, so none arrives after the tool's result. */
  flush(): Promise<void>;
}

export function progressReporter(tool: ToolName, writer: ToolStream | undefined, toolCallId?: string) {
  let written = Promise.resolve();
  const reporter: ProgressReporter = {
    onProgress({ task: _task, ...progress }) {
      if (!writer) return;
      // The raw task stays out of the stream: its input may hold a large data URL of the source image.
      const data: VideoProgressData = { tool, ...(toolCallId ? { toolCallId } : {}), ...progress };
      written = written
        // Transient: streamed to the client, not stored in memory with the conversation.
        .then(() => writer.custom({ type: VIDEO_PROGRESS_CHUNK, data, transient: true }))
        // A closed stream belongs to the app; it must not fail the paid call.
        .catch(() => undefined);
    },
    flush: () => written,
  };
  return reporter;
}
