// @aivideomaker/langchain: AI Video Maker tools and a toolkit for LangChain agents.
export { TOOL_NAMES, type ToolName, type VideoTaskOutput } from '@aivideomaker/core/tools';
export {
  type ApprovalDecision,
  type InterruptOnPaidToolsOptions,
  interruptOnPaidTools,
  type PaidToolInterruptConfig,
} from './approval';
export { type AIVideoMakerProgress, isAIVideoMakerProgress, PROGRESS_EVENT } from './progress';
export { AIVideoMakerToolkit } from './toolkit';
export {
  type AIVideoMakerTool,
  type AIVideoMakerToolMetadata,
  type AIVideoMakerToolsOptions,
  createAIVideoMakerTools,
} from './tools';
