// @aivideomaker/core/tools: framework-neutral tool specs that every adapter maps 1:1.
// Every runtime name here is public API (pinned by test/exports.test.ts); the adapters' shared helpers
// (approval policy, input parsing, budget, output schemas) are in `@aivideomaker/core/internal`.
export type { ToolApprovalOption } from './approval';
export { createVideoToolSpecs } from './create';
export { formatToolError, type ToolErrorCode } from './format-error';
export type { VideoToolTypes } from './io-types';
export {
  isVideoProgressEvent,
  VIDEO_PROGRESS_EVENT,
  type VideoProgressData,
  type VideoProgressEvent,
} from './progress';
export type { EstimateOutput, ListTasksOutput, ToolDuration, VideoTaskOutput } from './schemas';
export { AIVideoMakerToolError } from './tool-error';
export type {
  ToolName,
  VideoToolContext,
  VideoToolProgress,
  VideoToolSetOptions,
  VideoToolSpec,
} from './types';
export { TOOL_NAMES } from './types';
