// An offline model for Mastra agents: AI SDK's MockLanguageModelV4 answering doGenerate and doStream
// from one list of turns. A turn may be a function of the prompt, so a reply can quote a tool result.
import type {
  LanguageModelV4CallOptions,
  LanguageModelV4GenerateResult,
  LanguageModelV4Prompt,
  LanguageModelV4StreamPart,
} from '@ai-sdk/provider';
import type { MastraModelConfig } from '@mastra/core/llm';
import { convertArrayToReadableStream, MockLanguageModelV4 } from 'ai/test';

export type Turn =
  | { text: string }
  | { toolCalls: Array<{ toolName: string; input: unknown; id?: string }> }
  | ((prompt: LanguageModelV4Prompt) => { text: string });

const usage = {
  inputTokens: { total: 1, noCache: 1, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 1, text: 1, reasoning: undefined },
};

function resolve(turn: Turn | undefined, options: LanguageModelV4CallOptions) {
  if (!turn) throw new Error('The scripted model ran out of turns');
  return typeof turn === 'function' ? turn(options.prompt) : turn;
}

function toGenerate(
  turn: Exclude<Turn, (prompt: never) => unknown>,
  n: number,
): LanguageModelV4GenerateResult {
  if ('text' in turn) {
    return {
      content: [{ type: 'text', text: turn.text }],
      finishReason: { unified: 'stop', raw: 'stop' },
      usage,
      warnings: [],
    };
  }
  return {
    content: turn.toolCalls.map((call, index) => ({
      type: 'tool-call' as const,
      toolCallId: call.id ?? `call_${n}_${index}`,
      toolName: call.toolName,
      input: JSON.stringify(call.input),
    })),
    finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
    usage,
    warnings: [],
  };
}

function toStream(result: LanguageModelV4GenerateResult): LanguageModelV4StreamPart[] {
  const parts: LanguageModelV4StreamPart[] = [{ type: 'stream-start', warnings: [] }];
  for (const part of result.content) {
    if (part.type === 'text') {
      parts.push({ type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta: part.text });
      parts.push({ type: 'text-end', id: 't' });
    } else if (part.type === 'tool-call') {
      parts.push(part);
    }
  }
  parts.push({ type: 'finish', finishReason: result.finishReason, usage: result.usage });
  return parts;
}

/** The model plus every prompt it received (to assert what the model read). */
export function scriptedModel(turns: Turn[]) {
  const prompts: LanguageModelV4Prompt[] = [];
  let index = 0;
  const next = (options: LanguageModelV4CallOptions) => {
    prompts.push(options.prompt);
    const n = index++;
    return toGenerate(resolve(turns[n], options), n);
  };
  const mock = new MockLanguageModelV4({
    doGenerate: async (options) => next(options),
    doStream: async (options) => ({ stream: convertArrayToReadableStream(toStream(next(options))) }),
  });
  // Mastra bundles older provider types than ai@7's (finishReason lacks 'interrupted'): runtime is fine.
  return { model: mock as unknown as MastraModelConfig, prompts };
}

/** The text of every tool result in a prompt, as the model reads it. */
export function toolResultTexts(prompt: LanguageModelV4Prompt): string[] {
  return prompt.flatMap((message) =>
    message.role === 'tool'
      ? message.content.flatMap((part) => (part.type === 'tool-result' ? [JSON.stringify(part.output)] : []))
      : [],
  );
}
