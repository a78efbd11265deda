// An offline AI SDK model that answers every call with a short text and records what it was sent, for the
// AI SDK and Mastra (which runs AI SDK models): the workspace's scripted model, generate or stream alike.
import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';
import { scriptedModel } from '@aivideomaker/test-support/ai-sdk';
import type { MockLanguageModelV4 } from 'ai/test';

export function textModel(): MockLanguageModelV4 {
  return scriptedModel(() => ({ text: 'ok' }));
}

/** The tool definitions of the model's first recorded call, generate or stream. */
export function sentTools(model: MockLanguageModelV4): { name: string; definition: unknown }[] {
  const call: LanguageModelV4CallOptions | undefined = model.doGenerateCalls[0] ?? model.doStreamCalls[0];
  return (call?.tools ?? []).map((definition) => ({ name: definition.name, definition }));
}
