// Benchmark 3, tool footprint: what each adapter's tool definitions cost in a model's context, captured
// from what the framework actually sends to a mock model. An adapter not built yet is skipped with a note.
import { AIVideoMaker } from '@aivideomaker/core';
import { ADAPTERS, type AdapterInfo, notBuiltReason } from '../adapters.ts';
import { captureAiSdk } from './ai-sdk.ts';
import { captureLangChain } from './langchain.ts';
import { captureMastra } from './mastra.ts';
import { type AdapterFootprint, type CreateTools, footprintOf } from './measure.ts';

type Capture = (
  createTools: CreateTools,
  client: unknown,
) => Promise<{ name: string; definition: unknown }[]>;

const CAPTURES: Record<AdapterInfo['name'], { capture: Capture; capturedFrom: string }> = {
  'ai-sdk': {
    capture: captureAiSdk,
    capturedFrom: 'MockLanguageModelV4 doGenerateCalls[0].tools (generateText)',
  },
  langchain: {
    capture: captureLangChain,
    capturedFrom: 'tools bound by createAgent to fakeModel(), via convertToOpenAITool',
  },
  mastra: {
    capture: captureMastra,
    capturedFrom: 'MockLanguageModelV4 recorded call tools (Agent.generate)',
  },
};

async function measureAdapter(adapter: AdapterInfo, client: AIVideoMaker): Promise<AdapterFootprint> {
  const { capture, capturedFrom } = CAPTURES[adapter.name];
  const empty = { adapter: adapter.name, capturedFrom, tools: [], totalChars: 0, approxTokens: 0 };
  const skipped = await notBuiltReason(adapter.entry);
  if (skipped) return { ...empty, skipped };
  try {
    const { createAIVideoMakerTools } = (await import(adapter.entry)) as {
      createAIVideoMakerTools: CreateTools;
    };
    return footprintOf(adapter.name, capturedFrom, await capture(createAIVideoMakerTools, client));
  } catch (error) {
    return { ...empty, error: String(error) };
  }
}

export async function runFootprint(): Promise<AdapterFootprint[]> {
  // Listing tools sends nothing; this client only satisfies the options and is never used.
  const client = new AIVideoMaker({ apiKey: 'bench-footprint', baseUrl: 'http://127.0.0.1:59999' });
  const results: AdapterFootprint[] = [];
  for (const adapter of ADAPTERS) results.push(await measureAdapter(adapter, client));
  results.push(await measureMcpServer());
  return results;
}

const MCP_CAPTURED_FROM = 'tools/list result read by the MCP SDK client (InMemoryTransport)';

/** The MCP server is not a createAIVideoMakerTools adapter: its footprint is its tools/list answer. */
async function measureMcpServer(): Promise<AdapterFootprint> {
  const empty = {
    adapter: 'mcp',
    capturedFrom: MCP_CAPTURED_FROM,
    tools: [],
    totalChars: 0,
    approxTokens: 0,
  };
  try {
    // Loaded here so that a missing build is a note, as for the other adapters.
    const { measureMcp } = await import('./mcp.ts');
    return await measureMcp(MCP_CAPTURED_FROM);
  } catch (error) {
    const message = String(error);
    return /Cannot find|ERR_MODULE_NOT_FOUND/.test(message)
      ? { ...empty, skipped: 'not built (@aivideomaker/mcp dist)' }
      : { ...empty, error: message };
  }
}
