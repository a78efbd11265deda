// @aivideomaker/core/tools: framework-neutral tool specs that every adapter maps 1:1.
export { approvalPolicy, type ToolApprovalOption } from './approval';
export { CreditBudget } from './budget';
export { createVideoToolSpecs } from './create';
export { formatToolError } from './format-error';
export type { VideoToolTypes } from './io-types';
export { parseToolInput } from './parse';
export type { EstimateOutput, ListTasksOutput, ToolDuration, VideoTaskOutput } from './schemas';
export { estimateOutput, listTasksOutput, videoTaskOutput } from './schemas';
export type {
  ToolName,
  VideoToolContext,
  VideoToolProgress,
  VideoToolSetOptions,
  VideoToolSpec,
} from './types';
export { TOOL_NAMES } from './types';
