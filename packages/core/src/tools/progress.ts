// Progress of a waiting video tool, defined once for every adapter: core reports each status change of the
// task as a VideoToolProgress; the adapters stream it to the app in one payload under one event name
// (LangChain's custom stream and custom events, Mastra's writer), the AI SDK as a preliminary result, MCP
// as a progress notification carrying the same message. None of it is shown to the model.
import type { Task } from '../responses';
import type { VideoTaskOutput } from './schemas';
import type { ToolName, VideoToolProgress } from './types';

/** The `type` of every progress chunk (a `data-` part, as Mastra and AI SDK UI streams expect). */
export const VIDEO_PROGRESS_EVENT = 'data-video-progress';

/** One status change of a video task, as streamed to the app. */
export interface VideoProgressData {
  tool: ToolName;
  /** The tool call this progress belongs to (absent when the tool runs without one). */
  toolCallId?: string;
  taskId: string;
  status: string;
  elapsedMs: number;
  /** One readable line, e.g. "Task abc is PROGRESS (40 s elapsed)." (MCP's progress message). */
  message: string;
}

export interface VideoProgressEvent {
  type: typeof VIDEO_PROGRESS_EVENT;
  data: VideoProgressData;
}

export function isVideoProgressEvent(value: unknown): value is VideoProgressEvent {
  return (
    typeof value === 'object' && value !== null && (value as { type?: unknown }).type === VIDEO_PROGRESS_EVENT
  );
}

/** The progress core reports for a task seen in `status`, `startedAt` (epoch ms) being when the wait began. */
export function taskProgress(
  taskId: string,
  status: string,
  startedAt: number,
  task?: Task,
): VideoToolProgress {
  const elapsedMs = Date.now() - startedAt;
  return {
    taskId,
    status,
    elapsedMs,
    message: `Task ${taskId} is ${status} (${Math.round(elapsedMs / 1000)} s elapsed).`,
    ...(task ? { task } : {}),
  };
}

/** The streamed payload. The raw task stays out: its input may hold a large data URL of the source image. */
export function videoProgressEvent(
  tool: ToolName,
  { taskId, status, elapsedMs, message }: VideoToolProgress,
  toolCallId?: string,
): VideoProgressEvent {
  return {
    type: VIDEO_PROGRESS_EVENT,
    data: { tool, ...(toolCallId ? { toolCallId } : {}), taskId, status, elapsedMs, message },
  };
}

/** The same progress in the shape of a video tool's output (no video yet): the AI SDK's preliminary result. */
export function progressSnapshot(progress: VideoToolProgress): VideoTaskOutput {
  const model = progress.task?.model;
  return {
    taskId: progress.taskId,
    status: progress.status,
    ...(typeof model === 'string' ? { model } : {}),
    videoUrls: [],
    message: progress.message,
  };
}

export interface ProgressChannel {
  onProgress(progress: VideoToolProgress): void;
  /** Resolves once every event was sent, so none arrives after the tool's result. */
  flush(): Promise<void>;
}

/**
 * Sends each event in order through `send` (which may be async). A failing send (a closed stream, a client
 * that went away, an app's throwing handler) goes to `onError` and never fails the paid call.
 */
export function progressChannel(
  tool: ToolName,
  toolCallId: string | undefined,
  send: (event: VideoProgressEvent) => unknown,
  onError: (error: unknown) => void = () => undefined,
): ProgressChannel {
  let sent = Promise.resolve();
  return {
    onProgress(progress) {
      const event = videoProgressEvent(tool, progress, toolCallId);
      sent = sent.then(() => send(event)).then(() => undefined, onError);
    },
    flush: () => sent,
  };
}
