// The workspace's offline scripted model (@aivideomaker/test-support/ai-sdk), typed for Mastra agents.
import type { LanguageModelV4Prompt } from '@ai-sdk/provider';
import { scriptedModel as aiSdkModel, type Script, toolOutputs } from '@aivideomaker/test-support/ai-sdk';
import type { MastraModelConfig } from '@mastra/core/llm';

export type { Step as Turn } from '@aivideomaker/test-support/ai-sdk';

/** The model plus every prompt it received (to assert what the model read). */
export function scriptedModel(script: Script) {
  const model = aiSdkModel(script);
  // Mastra bundles older provider types than ai@7's (finishReason lacks 'interrupted'): runtime is fine.
  return { model: model as unknown as MastraModelConfig, prompts: model.prompts };
}

/** Every tool output in a prompt as JSON, as the model reads it. */
export function toolResultTexts(prompt: LanguageModelV4Prompt): string[] {
  return toolOutputs(prompt).map((output) => JSON.stringify(output));
}
