// The web demo's agent: an AI SDK streamText tool loop with the video tools, answering the page's chat
// requests as a UI message stream (what useChat / the Chat class read). Paid tools always wait for the
// person's approval; the approval request carries the price, so the page can show what a "yes" costs.
import type { ServerResponse } from 'node:http';
import { type AIVideoMakerTools, createAIVideoMakerTools } from '@aivideomaker/ai-sdk';
import {
  convertToModelMessages,
  type InferUITools,
  isStepCount,
  streamText,
  type ToolApprovalStatus,
  type UIDataTypes,
  type UIMessage,
} from 'ai';
import type { DemoEnvironment } from '../environment.ts';
import { AGENT_MAX_CREDITS_PER_CALL } from '../models/script.ts';
import { agentModels } from '../models/select.ts';

export type WebTools = AIVideoMakerTools;
export type ChatMessage = UIMessage<unknown, UIDataTypes, InferUITools<Required<WebTools>>>;

const INSTRUCTIONS =
  'You make short videos with the AI Video Maker tools. Prefer text_to_video with model t2v and 5 seconds ' +
  'unless the user asks otherwise. When a video is done, answer with one short sentence and its URL.';

/** The model each generation tool uses when the call names none (core's specs list it first). */
const DEFAULT_MODEL: Record<string, string> = {
  text_to_video: 't2v',
  image_to_video: 'i2v',
  long_video: 'lv',
};

/** Runs one tool outside the agent loop; the last value an async-generator execute yields is its result. */
async function runTool<T>(tool: unknown, input: Record<string, unknown>): Promise<T> {
  const execute = (tool as { execute?: (input: unknown, options: unknown) => unknown }).execute;
  if (!execute) throw new Error('tool has no execute');
  const result = await execute(input, { toolCallId: 'web-demo', messages: [], context: undefined });
  if (result && typeof result === 'object' && Symbol.asyncIterator in result) {
    let last: unknown;
    for await (const value of result as AsyncIterable<unknown>) last = value;
    return last as T;
  }
  return result as T;
}

export function createWebAgent(env: DemoEnvironment) {
  const models = agentModels();
  const tools = createAIVideoMakerTools({
    client: env.createClient(),
    needsApproval: 'paid',
    maxCreditsPerCall: AGENT_MAX_CREDITS_PER_CALL,
  });
  // Signs approval requests, so a page cannot approve a call the server never asked about.
  const approvalSecret = crypto.getRandomValues(new Uint8Array(32));

  /** What a "yes" costs, from the estimate tool (the server's quote when the API offers one). */
  async function price(toolName: string, input: Record<string, unknown>): Promise<string> {
    try {
      const prompts = Array.isArray(input.prompts) ? input.prompts.length : undefined;
      const estimate = await runTool<{ credits: number; message: string }>(tools.estimate_video_credits, {
        model: input.model ?? DEFAULT_MODEL[toolName],
        ...(input.duration !== undefined ? { duration: input.duration } : {}),
        ...(prompts !== undefined ? { promptCount: prompts } : {}),
      });
      const where = env.mode === 'emulator' ? ' (emulator credits, free)' : '';
      return `Costs ${estimate.credits} credits${where}.`;
    } catch (error) {
      return `Price unknown: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  async function toolApproval({
    toolCall,
  }: {
    toolCall: { toolName: string; input: unknown };
  }): Promise<ToolApprovalStatus> {
    const tool = tools[toolCall.toolName as keyof WebTools];
    if (tool?.metadata.paid !== true) return 'not-applicable';
    const reason = await price(toolCall.toolName, (toolCall.input ?? {}) as Record<string, unknown>);
    return { type: 'user-approval', reason };
  }

  return {
    modelLabel: models.label,

    async chat(messages: ChatMessage[], response: ServerResponse): Promise<void> {
      const result = streamText({
        model: models.aiSdk(),
        instructions: INSTRUCTIONS,
        tools,
        toolApproval,
        experimental_toolApprovalSecret: approvalSecret,
        stopWhen: isStepCount(5),
        messages: await convertToModelMessages(messages, { tools }),
      });
      result.pipeUIMessageStreamToResponse(response, {
        // The page shows tool errors as they are: core's one-line `Error (<code>): ...` text, keyless.
        onError: (error) => (error instanceof Error ? error.message : String(error)),
      });
    },

    /** The account's newest tasks, through the same list_video_tasks tool the agent has. */
    listTasks: () => runTool<unknown>(tools.list_video_tasks, { limit: 12 }),

    /** A finished task's video URL, through get_video_task (which checks the id like any tool input). */
    async videoUrl(taskId: string): Promise<string | undefined> {
      const task = await runTool<{ videoUrls?: string[] }>(tools.get_video_task, { taskId });
      return task.videoUrls?.[0];
    },
  };
}
