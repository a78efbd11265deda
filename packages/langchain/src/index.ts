// @aivideomaker/langchain: AI Video Maker tools and a toolkit for LangChain agents.

export {
  AIVideoMakerToolError,
  isVideoProgressEvent,
  TOOL_NAMES,
  type ToolName,
  VIDEO_PROGRESS_EVENT,
  type VideoProgressData,
  type VideoProgressEvent,
  type VideoTaskOutput,
} from '@aivideomaker/core/tools';
export {
  type ApprovalDecision,
  type InterruptOnPaidToolsOptions,
  interruptOnPaidTools,
  type PaidToolInterruptConfig,
} from './approval';
export { AIVideoMakerToolkit } from './toolkit';
export {
  type AIVideoMakerTool,
  type AIVideoMakerToolMetadata,
  type AIVideoMakerToolsOptions,
  createAIVideoMakerTools,
} from './tools';
