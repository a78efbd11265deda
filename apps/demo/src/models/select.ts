// Which model drives the demo's agents: the offline scripted one by default, or a real OpenAI model through
// each framework's own OpenAI provider when OPENAI_API_KEY is set.
import { createOpenAI } from '@ai-sdk/openai';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatOpenAI } from '@langchain/openai';
import type { MastraModelConfig } from '@mastra/core/llm';
import type { LanguageModel } from 'ai';
import type { ScenarioContext } from '../scenario.ts';
import { scriptedAiSdkModel } from './ai-sdk-scripted.ts';
import { scriptedLangChainModel } from './langchain-scripted.ts';
import { AGENT_PROMPT, SCRIPTED_LABEL } from './script.ts';

const OPENAI_MODEL = 'gpt-5-mini';

export interface AgentModels {
  label: string;
  aiSdk(): LanguageModel;
  langchain(): BaseChatModel;
  /** Mastra runs AI SDK models; its bundled provider types lag behind ai 7's, hence the cast. */
  mastra(): MastraModelConfig;
}

export function agentModels(env: NodeJS.ProcessEnv = process.env): AgentModels {
  const apiKey = env.OPENAI_API_KEY;
  if (apiKey) {
    const openai = createOpenAI({ apiKey });
    return {
      label: `OpenAI ${OPENAI_MODEL} (OPENAI_API_KEY is set)`,
      aiSdk: () => openai(OPENAI_MODEL),
      langchain: () => new ChatOpenAI({ model: OPENAI_MODEL, apiKey }),
      mastra: () => openai(OPENAI_MODEL) as unknown as MastraModelConfig,
    };
  }
  return {
    label: SCRIPTED_LABEL,
    aiSdk: () => scriptedAiSdkModel(),
    langchain: () => scriptedLangChainModel(),
    mastra: () => scriptedAiSdkModel() as unknown as MastraModelConfig,
  };
}

/** What every agent scenario starts with: a client, the models, and the conversation shown. */
export function startAgent({ env, ui }: ScenarioContext, label = 'model') {
  const models = agentModels();
  ui.info(`${label}: ${models.label}`);
  ui.info(`user: ${AGENT_PROMPT}`);
  return { client: env.createClient(), models, startedAt: Date.now() };
}
