// LangChain: the fake model keeps the tools createAgent binds but never serialises them, so they are
// captured at bindTools and converted with convertToOpenAITool, which is what ChatOpenAI sends.
import { AIMessage } from '@langchain/core/messages';
import { fakeModel } from '@langchain/core/testing';
import { convertToOpenAITool } from '@langchain/core/utils/function_calling';
import { createAgent } from 'langchain';
import type { CreateTools } from './measure.ts';

type Bindable = Parameters<ReturnType<typeof fakeModel>['bindTools']>[0];

export async function captureLangChain(createTools: CreateTools, client: unknown) {
  const model = fakeModel().respond(new AIMessage('ok'));
  let bound: Bindable = [];
  const bindTools = model.bindTools.bind(model);
  model.bindTools = (tools: Bindable) => {
    bound = tools;
    return bindTools(tools);
  };
  const agent = createAgent({
    model,
    tools: createTools({ client }) as Parameters<typeof createAgent>[0]['tools'],
  });
  await agent.invoke({ messages: [{ role: 'user', content: 'Make a video of a fox.' }] });
  return bound.map((tool) => {
    const definition = convertToOpenAITool(tool);
    return { name: definition.function.name, definition };
  });
}
