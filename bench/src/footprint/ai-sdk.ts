// AI SDK: the definitions generateText passes to the model (the provider serialises exactly these).
import { generateText, type ToolSet } from 'ai';
import type { CreateTools } from './measure.ts';
import { sentTools, textModel } from './mock-model.ts';

export async function captureAiSdk(createTools: CreateTools, client: unknown) {
  const model = textModel();
  await generateText({ model, tools: createTools({ client }) as ToolSet, prompt: 'Make a video of a fox.' });
  return sentTools(model);
}
