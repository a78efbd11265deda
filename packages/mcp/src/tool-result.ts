// A spec's output as an MCP tool result: the spec's own compact text for the model, the full output as
// structuredContent (valid against the spec's outputSchema), and every video as a resource_link the host
// can show or fetch, plus a link to the task resource. Errors become core's one line (formatToolError, the
// text every adapter gives the model) with isError.
import type { VideoToolSpec } from '@aivideomaker/core/tools';
import { formatToolError } from '@aivideomaker/core/tools';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { taskResourceUri } from './resources';

/** The live service keeps output files about 24 hours; a host must not store the link as permanent. */
export const URL_EXPIRY_NOTE =
  'Video URLs expire (the service keeps files about 24 hours): download or share the video promptly.';

interface TaskLike {
  taskId?: unknown;
  status?: unknown;
  videoUrls?: unknown;
}

function videoName(url: string, index: number): string {
  const last = url.split(/[?#]/)[0]?.split('/').pop() ?? '';
  return /\.mp4$/i.test(last) ? decodeURIComponent(last) : `video-${index + 1}.mp4`;
}

function videoLinks(output: TaskLike): CallToolResult['content'] {
  const urls = Array.isArray(output.videoUrls) ? (output.videoUrls as unknown[]) : [];
  return urls
    .filter((url): url is string => typeof url === 'string' && url !== '')
    .map((url, index) => ({
      type: 'resource_link' as const,
      uri: url,
      name: videoName(url, index),
      title: `Video of task ${String(output.taskId)}`,
      mimeType: 'video/mp4',
      description: URL_EXPIRY_NOTE,
    }));
}

function taskLink(output: TaskLike): CallToolResult['content'] {
  if (typeof output.taskId !== 'string' || output.taskId === '') return [];
  return [
    {
      type: 'resource_link',
      uri: taskResourceUri(output.taskId),
      name: `task-${output.taskId}.json`,
      title: `Task ${output.taskId} (${String(output.status)})`,
      mimeType: 'application/json',
      description: 'The task as JSON: read it again to see its current status.',
    },
  ];
}

export function toolResult(spec: VideoToolSpec, output: unknown): CallToolResult {
  const task = (output ?? {}) as TaskLike;
  const videos = videoLinks(task);
  const text = spec.toModelText(output) + (videos.length > 0 ? ` ${URL_EXPIRY_NOTE}` : '');
  return {
    content: [{ type: 'text', text }, ...videos, ...taskLink(task)],
    structuredContent: output as Record<string, unknown>,
  };
}

export function errorResult(error: unknown): CallToolResult {
  return { content: [{ type: 'text', text: formatToolError(error) }], isError: true };
}
