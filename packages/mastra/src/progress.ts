// Progress of a waiting video tool, streamed to the app as a Mastra custom data chunk (`writer.custom`),
// never to the model: core's payload, the chunk LangChain's adapter streams too.
import { type ProgressChannel, progressChannel } from '@aivideomaker/core/internal';
import {
  isVideoProgressEvent,
  type ToolName,
  VIDEO_PROGRESS_EVENT,
  type VideoProgressData,
  type VideoProgressEvent,
} from '@aivideomaker/core/tools';
import type { ToolStream } from '@mastra/core/tools';

export { isVideoProgressEvent, VIDEO_PROGRESS_EVENT, type VideoProgressData, type VideoProgressEvent };

/** @deprecated Use VIDEO_PROGRESS_EVENT (the same value, the same in every adapter). */
export const VIDEO_PROGRESS_CHUNK = VIDEO_PROGRESS_EVENT;
/** @deprecated Use VideoProgressEvent. */
export type VideoProgressChunk = VideoProgressEvent;
/** @deprecated Use isVideoProgressEvent. */
export const isVideoProgressChunk = isVideoProgressEvent;

/** A closed stream belongs to the app; the channel keeps it from failing the paid call. */
export function progressReporter(
  tool: ToolName,
  writer: ToolStream | undefined,
  toolCallId?: string,
): ProgressChannel {
  // Transient: streamed to the client, not stored in memory with the conversation.
  return progressChannel(tool, toolCallId, (event) => writer?.custom({ ...event, transient: true }));
}
