// MCP tool annotations for core's specs: hints a host uses to decide what to confirm with the user.
// Every tool reaches an outside service (open world); the three free lookups change nothing (read-only);
// the paid tools create something new (not destructive, not idempotent: a repeat is a second charge);
// cancelling is destructive (the queued render is gone) and idempotent.
import type { ToolName, VideoToolSpec } from '@aivideomaker/core/tools';
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';

const READ_ONLY: ReadonlySet<ToolName> = new Set([
  'get_video_task',
  'list_video_tasks',
  'estimate_video_credits',
]);

export function annotationsFor(spec: VideoToolSpec): ToolAnnotations {
  if (READ_ONLY.has(spec.name)) return { title: spec.title, readOnlyHint: true, openWorldHint: true };
  return {
    title: spec.title,
    readOnlyHint: false,
    destructiveHint: !spec.paid,
    idempotentHint: !spec.paid,
    openWorldHint: true,
  };
}
