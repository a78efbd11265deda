// The framework-neutral tool contract every adapter (AI SDK, LangChain, Mastra, MCP, CLI) maps 1:1.
// Its shape is stable: extend only.
import type { z } from 'zod';
import type { AIVideoMaker } from '../client';
import type { ModelName } from '../models';
import type { Task } from '../responses';

export const TOOL_NAMES = [
  'text_to_video',
  'image_to_video',
  'long_video',
  'get_video_task',
  'cancel_video_task',
  'list_video_tasks',
  'estimate_video_credits',
] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

export interface VideoToolProgress {
  taskId: string;
  status: string;
  elapsedMs: number;
  /** One human/model-readable line, e.g. "Task abc is PROGRESS (40 s elapsed)". */
  message: string;
  task?: Task;
}

export interface VideoToolContext {
  signal?: AbortSignal;
  onProgress?: (progress: VideoToolProgress) => void;
}

// biome-ignore lint/suspicious/noExplicitAny: the default type arguments let a heterogeneous list of specs be typed
export interface VideoToolSpec<I = any, O = any> {
  name: ToolName;
  title: string;
  /** Written for a model: when to use it, what it costs, how long it takes. */
  description: string;
  /** Flat, JSON-schema friendly, no transforms. */
  inputSchema: z.ZodType<I>;
  outputSchema: z.ZodType<O>;
  /** Spends credits: a candidate for human approval. */
  paid: boolean;
  execute(input: I, ctx?: VideoToolContext): Promise<O>;
  /** Compact text for the model: id, status, video URL, credits. */
  toModelText(output: O): string;
}

export interface VideoToolSetOptions {
  /** The client to use; otherwise one is created on first use from apiKey/baseUrl (or the environment). */
  client?: AIVideoMaker;
  apiKey?: string;
  baseUrl?: string;
  /** Wait for the video (default true). After timeoutMs (default DEFAULT_WAIT_TIMEOUT_MS, 20 min) the task id is returned instead. */
  wait?: boolean | { timeoutMs?: number };
  /** Refuse a single generation estimated above this many credits. */
  maxCreditsPerCall?: number;
  /** Refuse generations once this tool set has committed this many credits (refunds give credits back). */
  maxCreditsTotal?: number;
  /** Only these models may be used (default: all five). Tools left without a model are omitted. */
  allowedModels?: ModelName[];
  /** Local image paths for image_to_video / long_video: off by default; when on, only inside `roots`. */
  localFiles?: false | { roots: string[]; maxBytes?: number };
  /** Only these tools. */
  pick?: ToolName[];
  /** All tools but these. */
  omit?: ToolName[];
}
