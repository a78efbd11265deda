// @aivideomaker/mastra: AI Video Maker tools for Mastra agents. The video workflow is in the
// `@aivideomaker/mastra/workflow` entry.
export { TOOL_NAMES, type ToolName, type VideoTaskOutput } from '@aivideomaker/core/tools';
export {
  isVideoProgressChunk,
  VIDEO_PROGRESS_CHUNK,
  type VideoProgressChunk,
  type VideoProgressData,
} from './progress';
export {
  type AIVideoMakerTool,
  type AIVideoMakerTools,
  type AIVideoMakerToolsOptions,
  createAIVideoMakerTools,
} from './tools';
