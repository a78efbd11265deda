// The three frameworks' real agent loops, driven by offline scripted models that emit the tool calls a
// test chooses: AI SDK generateText, LangChain createAgent, Mastra Agent. Each run returns what the model
// was shown after the calls (the tool results and errors), as text.
import { createAIVideoMakerTools as aiSdkTools } from '@aivideomaker/ai-sdk';
import type { VideoToolSetOptions } from '@aivideomaker/core/tools';
import { createAIVideoMakerTools as langChainTools } from '@aivideomaker/langchain';
import { createAIVideoMakerTools as mastraTools } from '@aivideomaker/mastra';
import { scriptedModel as aiSdkModel, toolOutputs } from '@aivideomaker/test-support/ai-sdk';
import { AIMessage, ToolMessage } from '@langchain/core/messages';
import { fakeModel } from '@langchain/core/testing';
import { Mastra } from '@mastra/core';
import { Agent } from '@mastra/core/agent';
import type { MastraModelConfig } from '@mastra/core/llm';
import { generateText, isStepCount } from 'ai';
import { createAgent } from 'langchain';

export interface ToolCall {
  toolName: string;
  input: Record<string, unknown>;
}

export interface AgentRun {
  /** Every tool result or tool error the model read, as text. */
  texts: string[];
}

export const FRAMEWORKS = ['AI SDK', 'LangChain', 'Mastra'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/** A model that emits `calls` (all in one step, so they run in parallel), then says "Done.". */
function scriptedModel(calls: ToolCall[]) {
  const model = aiSdkModel((_, call) =>
    call === 0
      ? { toolCalls: calls.map((toolCall, index) => ({ ...toolCall, id: `call_${index}` })) }
      : { text: 'Done.' },
  );
  const read = () => toolOutputs(model.prompts[1] ?? []).map(outputText);
  return { model, read };
}

/** The text of a tool output: its value when it is text, a JSON error's message, else the JSON. */
function outputText(output: { type: string; value?: unknown }): string {
  if (typeof output.value === 'string') return output.value;
  const message = (output.value as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : JSON.stringify(output.value ?? output);
}

export async function runAiSdk(
  options: VideoToolSetOptions,
  calls: ToolCall[],
  signal?: AbortSignal,
): Promise<AgentRun> {
  const { model, read } = scriptedModel(calls);
  await generateText({
    model,
    tools: aiSdkTools(options),
    stopWhen: isStepCount(3),
    prompt: 'Make the videos',
    ...(signal ? { abortSignal: signal } : {}),
  });
  return { texts: read() };
}

export async function runLangChain(
  options: VideoToolSetOptions,
  calls: ToolCall[],
  signal?: AbortSignal,
): Promise<AgentRun> {
  const model = fakeModel();
  model.respondWithTools(
    calls.map((call, index) => ({ name: call.toolName, args: call.input, id: `call_${index}` })),
  );
  model.respond(new AIMessage('Done.'));
  const agent = createAgent({ model, tools: langChainTools(options) });
  const result = await agent.invoke(
    { messages: [{ role: 'user', content: 'Make the videos' }] },
    signal ? { signal } : {},
  );
  const texts = result.messages
    .filter((message) => ToolMessage.isInstance(message))
    .map((message) =>
      typeof message.content === 'string' ? message.content : JSON.stringify(message.content),
    );
  return { texts };
}

export async function runMastra(
  options: VideoToolSetOptions,
  calls: ToolCall[],
  signal?: AbortSignal,
): Promise<AgentRun> {
  const { model, read } = scriptedModel(calls);
  const agent = new Agent({
    id: 'video',
    name: 'Video',
    instructions: 'Make videos.',
    // Mastra bundles older provider types than ai@7's; the mock is the same at runtime.
    model: model as unknown as MastraModelConfig,
    tools: mastraTools(options),
  });
  const mastra = new Mastra({ agents: { video: agent }, logger: false });
  await mastra.getAgent('video').generate('Make the videos', signal ? { abortSignal: signal } : {});
  return { texts: read() };
}

export const RUNNERS: Record<Framework, typeof runAiSdk> = {
  'AI SDK': runAiSdk,
  LangChain: runLangChain,
  Mastra: runMastra,
};
