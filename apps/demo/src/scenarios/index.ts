// The demo's scenarios, in the order they run.
import type { Scenario } from '../scenario.ts';
import { coreScenario } from './core.ts';

export const SCENARIOS: Scenario[] = [coreScenario];
