// @aivideomaker/mastra/workflow: a Mastra workflow per video (prepare -> approve? -> submit -> wait) whose
// webhook mode suspends and resumes across process restarts. Its own entry, because loading Mastra's
// workflow engine costs far more than the tools do.

export {
  createVideoWorkflow,
  DEFAULT_VIDEO_WORKFLOW_ID,
  type VideoWorkflow,
  type VideoWorkflowOptions,
} from './create';
export { restartStaleVideoRuns, type StaleRunsOptions } from './recover';
export {
  type ApprovalDecision,
  type ApprovalRequest,
  type TaskUpdateData,
  type VideoWorkflowInput,
  type VideoWorkflowOutput,
  type VideoWorkflowProgress,
  videoWorkflowOutput,
  type WaitingForVideo,
} from './schemas';
export { runIdempotencyKey, VIDEO_WORKFLOW_STEPS } from './steps';
export { startVideoSweeper, type VideoSweeper, type VideoSweeperOptions } from './sweeper';
export {
  createVideoWebhookHandler,
  resumeFinishedVideoRuns,
  resumeVideoRun,
  type VideoRunsOptions,
  type VideoWebhookHandlerOptions,
} from './webhook';
