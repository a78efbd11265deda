// The three frameworks' real agent loops, driven by offline scripted models that emit the tool calls a
// test chooses: AI SDK generateText, LangChain createAgent, Mastra Agent. Each run returns what the model
// was shown after the calls (the tool results and errors), as text.
import type { LanguageModelV4Prompt, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { createAIVideoMakerTools as aiSdkTools } from '@aivideomaker/ai-sdk';
import type { VideoToolSetOptions } from '@aivideomaker/core/tools';
import { createAIVideoMakerTools as langChainTools } from '@aivideomaker/langchain';
import { createAIVideoMakerTools as mastraTools } from '@aivideomaker/mastra';
import { AIMessage, ToolMessage } from '@langchain/core/messages';
import { fakeModel } from '@langchain/core/testing';
import { Mastra } from '@mastra/core';
import { Agent } from '@mastra/core/agent';
import type { MastraModelConfig } from '@mastra/core/llm';
import { generateText, isStepCount } from 'ai';
import { convertArrayToReadableStream, MockLanguageModelV4 } from 'ai/test';
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

const usage = {
  inputTokens: { total: 1, noCache: 1, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 1, text: 1, reasoning: undefined },
};

/** A model that emits `calls` (all in one step, so they run in parallel), then says "Done.". */
function scriptedModel(calls: ToolCall[]) {
  const prompts: LanguageModelV4Prompt[] = [];
  const turn = (prompt: LanguageModelV4Prompt) => {
    prompts.push(prompt);
    if (prompts.length > 1) {
      return {
        content: [{ type: 'text' as const, text: 'Done.' }],
        finishReason: { unified: 'stop' as const, raw: 'stop' },
      };
    }
    return {
      content: calls.map((call, index) => ({
        type: 'tool-call' as const,
        toolCallId: `call_${index}`,
        toolName: call.toolName,
        input: JSON.stringify(call.input),
      })),
      finishReason: { unified: 'tool-calls' as const, raw: 'tool_calls' },
    };
  };
  const model = new MockLanguageModelV4({
    doGenerate: async ({ prompt }) => ({ ...turn(prompt), usage, warnings: [] }),
    doStream: async ({ prompt }) => {
      const { content, finishReason } = turn(prompt);
      const parts: LanguageModelV4StreamPart[] = [{ type: 'stream-start', warnings: [] }];
      for (const part of content) {
        if (part.type === 'text') {
          parts.push({ type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta: part.text });
          parts.push({ type: 'text-end', id: 't' });
        } else parts.push(part);
      }
      parts.push({ type: 'finish', finishReason, usage });
      return { stream: convertArrayToReadableStream(parts) };
    },
  });
  const read = () =>
    (prompts[1] ?? []).flatMap((message) =>
      message.role === 'tool'
        ? message.content.flatMap((part) => (part.type === 'tool-result' ? [outputText(part.output)] : []))
        : [],
    );
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
