// The demo's scenarios, in the order they run.
import type { Scenario } from '../scenario.ts';
import { aiSdkScenario } from './ai-sdk.ts';
import { coreScenario } from './core.ts';
import { langchainScenario } from './langchain.ts';
import { mastraScenario } from './mastra.ts';
import { mcpScenario } from './mcp.ts';
import { openclawScenario } from './openclaw.ts';
import { skillScenario } from './skill.ts';
import { videoModelScenario } from './video-model.ts';

export const SCENARIOS: Scenario[] = [
  coreScenario,
  aiSdkScenario,
  videoModelScenario,
  langchainScenario,
  mastraScenario,
  skillScenario,
  openclawScenario,
  mcpScenario,
];
