// An offline AI SDK model that answers every call with a short text and records what it was sent, for the
// AI SDK and Mastra (which runs AI SDK models). Both doGenerate and doStream answer, whichever is used.
import type { LanguageModelV4CallOptions, LanguageModelV4GenerateResult } from '@ai-sdk/provider';
import { convertArrayToReadableStream, MockLanguageModelV4 } from 'ai/test';

const usage = {
  inputTokens: { total: 1, noCache: 1, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 1, text: 1, reasoning: undefined },
};
const finishReason = { unified: 'stop', raw: 'stop' } as const;

export function textModel(): MockLanguageModelV4 {
  const result: LanguageModelV4GenerateResult = {
    content: [{ type: 'text', text: 'ok' }],
    finishReason,
    usage,
    warnings: [],
  };
  return new MockLanguageModelV4({
    doGenerate: async () => result,
    doStream: async () => ({
      stream: convertArrayToReadableStream([
        { type: 'stream-start', warnings: [] },
        { type: 'text-start', id: 't' },
        { type: 'text-delta', id: 't', delta: 'ok' },
        { type: 'text-end', id: 't' },
        { type: 'finish', finishReason, usage },
      ]),
    }),
  });
}

/** The tool definitions of the model's first recorded call, generate or stream. */
export function sentTools(model: MockLanguageModelV4): { name: string; definition: unknown }[] {
  const call: LanguageModelV4CallOptions | undefined = model.doGenerateCalls[0] ?? model.doStreamCalls[0];
  return (call?.tools ?? []).map((definition) => ({ name: definition.name, definition }));
}
