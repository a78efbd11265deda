// @aivideomaker/mastra: AI Video Maker tools for Mastra agents. The video workflow is in the
// `@aivideomaker/mastra/workflow` entry.
export {
  AIVideoMakerToolError,
  TOOL_NAMES,
  type ToolName,
  type VideoTaskOutput,
} from '@aivideomaker/core/tools';
// Core's progress payload (the same in every adapter), and its earlier Mastra names.
export {
  isVideoProgressChunk,
  isVideoProgressEvent,
  VIDEO_PROGRESS_CHUNK,
  VIDEO_PROGRESS_EVENT,
  type VideoProgressChunk,
  type VideoProgressData,
  type VideoProgressEvent,
} from './progress';
export {
  type AIVideoMakerTool,
  type AIVideoMakerTools,
  type AIVideoMakerToolsOptions,
  createAIVideoMakerTools,
} from './tools';
