// Runs one waiting scenario in its own process and prints its outcome as JSON. A process per run keeps
// runs apart: nothing a strategy leaves queued (a confirmation waiting for a rate-limit slot) can slow the
// next run, and exiting drops it.
import { runScenario, type ScenarioSpec } from './scenario.ts';

const spec = JSON.parse(process.argv[2] ?? '{}') as ScenarioSpec;
const outcome = await runScenario(spec);
process.stdout.write(`${JSON.stringify(outcome)}\n`, () => process.exit(0));
