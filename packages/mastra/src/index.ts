// @aivideomaker/mastra: AI Video Maker tools for Mastra agents and a video workflow that survives restarts.
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
export {
  createVideoWebhookHandler,
  resumeFinishedVideoRuns,
  resumeVideoRun,
  type VideoRunsOptions,
  type VideoWebhookHandlerOptions,
} from './webhook';
export {
  createVideoWorkflow,
  DEFAULT_VIDEO_WORKFLOW_ID,
  type VideoWorkflow,
  type VideoWorkflowOptions,
} from './workflow';
export {
  type ApprovalDecision,
  type ApprovalRequest,
  type TaskUpdateData,
  type VideoWorkflowInput,
  type VideoWorkflowOutput,
  type VideoWorkflowProgress,
  videoWorkflowOutput,
  type WaitingForVideo,
} from './workflow-schemas';
export { VIDEO_WORKFLOW_STEPS } from './workflow-steps';
