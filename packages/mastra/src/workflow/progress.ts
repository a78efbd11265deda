// The workflow's progress is the tools' progress: core's `data-video-progress` chunk (the payload the
// Mastra, LangChain and AI SDK tools and the MCP server stream), written with `writer.custom` so it reaches
// `run.stream()` as the chunk itself, through the channel the tools use. A run stands for the generation
// tool its model and input would use.
import type { ModelName } from '@aivideomaker/core';
import {
  type GenerationToolName,
  IMAGE_FIELDS,
  MODEL_TABLE,
  taskProgress,
} from '@aivideomaker/core/internal';
import type { ToolStream } from '@mastra/core/tools';
import { progressReporter } from '../progress';

/** The tool a run stands for: a model's only tool, or (minimax) image_to_video when an image is given. */
export function workflowTool(model: ModelName, input: Record<string, unknown>): GenerationToolName {
  const [first, ...others] = MODEL_TABLE[model].tools;
  const hasImage = IMAGE_FIELDS.some((field) => input[field] !== undefined);
  return others.length > 0 && hasImage ? 'image_to_video' : (first as GenerationToolName);
}

export interface SubmittedRef {
  taskId: string;
  model: ModelName;
  tool?: GenerationToolName | undefined;
  submittedAt?: number | undefined;
}

/** Writes each status change once, in order, through the tools' channel; flush() before the step returns. */
export function progressWriter(writer: ToolStream, video: SubmittedRef, initial?: string) {
  // Runs stored before these fields existed: the model's first tool, elapsed from now.
  const tool = video.tool ?? (MODEL_TABLE[video.model].tools[0] as GenerationToolName);
  const startedAt = video.submittedAt ?? Date.now();
  const channel = progressReporter(tool, writer);
  let last = initial;
  return {
    report(status: string) {
      if (status === last) return;
      last = status;
      channel.onProgress(taskProgress(video.taskId, status, startedAt));
    },
    flush: channel.flush,
  };
}
