// Mastra: the definitions an Agent passes to its (AI SDK) model. The model needs the cast the framework
// notes describe: Mastra's bundled provider types are older than ai@7's.
import { Agent, type ToolsInput } from '@mastra/core/agent';
import type { MastraModelConfig } from '@mastra/core/llm';
import type { CreateTools } from './measure.ts';
import { sentTools, textModel } from './mock-model.ts';

export async function captureMastra(createTools: CreateTools, client: unknown) {
  const model = textModel();
  const agent = new Agent({
    id: 'bench-agent',
    name: 'Bench agent',
    instructions: 'You make videos.',
    model: model as unknown as MastraModelConfig,
    tools: createTools({ client }) as ToolsInput,
  });
  await agent.generate('Make a video of a fox.');
  return sentTools(model);
}
