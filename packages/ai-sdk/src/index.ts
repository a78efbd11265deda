// @aivideomaker/ai-sdk: AI Video Maker tools for Vercel AI SDK 7 agents.
export {
  AIVideoMakerToolError,
  TOOL_NAMES,
  type ToolName,
  type VideoTaskOutput,
  type VideoToolTypes,
} from '@aivideomaker/core/tools';
export { paidToolApproval } from './approval';
export {
  type AIVideoMakerTool,
  type AIVideoMakerToolMetadata,
  type AIVideoMakerTools,
  type AIVideoMakerToolsOptions,
  createAIVideoMakerTools,
} from './tools';
export type { AIVideoMakerVideoModel } from './video/model';
export {
  type AIVideoMakerProvider,
  type AIVideoMakerProviderOptions,
  aivideomaker,
  createAIVideoMaker,
} from './video/provider';
export {
  type AIVideoMakerVideoOptions,
  aivideomakerVideoOptionsSchema,
} from './video/provider-options';
