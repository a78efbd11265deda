// The demo: every integration this repository offers, one after another, against the embedded emulator
// (or the real API when AIVIDEOMAKER_API_KEY is set, after showing the cost and asking). Exits 0 only
// when every scenario succeeded; the videos land in apps/demo/out/.
import { parseArgs } from 'node:util';
import { confirmSpend } from './confirm.ts';
import { openEnvironment } from './environment.ts';
import type { Scenario, VideoRow } from './scenario.ts';
import { createUi } from './ui.ts';

// The scenarios load every framework (seconds); the web demo needs none of them, so both load on demand.
const loadScenarios = async () => (await import('./scenarios/index.ts')).SCENARIOS;

const usage = (scenarios: Scenario[]) => `Usage: pnpm demo [--only <name>] [--yes] [--help]
       pnpm demo --web [--port <n>]

Runs every AI Video Maker integration and saves the videos under apps/demo/out/.
Without AIVIDEOMAKER_API_KEY it uses the embedded emulator (free, offline, seconds).
With AIVIDEOMAKER_API_KEY it uses the real API: it shows the credits and asks first (--yes skips).
With OPENAI_API_KEY the agents use a real OpenAI model instead of the offline scripted one.
--web serves a chat page instead (default port 3210; 0 picks a free one): an agent makes videos
in the browser, asking before each paid call.

Scenarios:
${scenarios.map((s) => `  ${s.name.padEnd(12)} ${s.title}`).join('\n')}`;

async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage(await loadScenarios())}`);
    return 2;
  }
  if (args.help) {
    console.log(usage(await loadScenarios()));
    return 0;
  }
  if (args.web) {
    const port = Number(args.port ?? 3210);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) {
      console.error(`--port: expected a port number 0-65535, got "${args.port}"`);
      return 2;
    }
    const { runWebDemo } = await import('./web/run.ts');
    return runWebDemo(port);
  }
  const scenarios = await loadScenarios();
  const selected = args.only ? scenarios.filter((s) => s.name === args.only) : scenarios;
  if (selected.length === 0) {
    console.error(
      `--only: unknown scenario "${args.only}"; one of: ${scenarios.map((s) => s.name).join(', ')}`,
    );
    return 2;
  }

  const ui = createUi();
  const env = await openEnvironment();
  const rows: VideoRow[] = [];
  const failures: string[] = [];
  try {
    ui.heading('AI Video Maker demo');
    ui.info(
      env.mode === 'emulator'
        ? `No AIVIDEOMAKER_API_KEY: using the embedded emulator at ${env.baseUrl} (time x100, free).`
        : `Using the real API at ${env.baseUrl}.`,
    );
    if (env.mode === 'real API' && !(await confirmSpend(selected, args.yes))) return 1;
    for (const scenario of selected) {
      ui.heading(scenario.title);
      try {
        rows.push(...(await scenario.run({ env, ui })));
      } catch (error) {
        failures.push(scenario.name);
        ui.fail(`${scenario.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    await env.close();
  }

  ui.heading('Summary');
  ui.table(
    ['integration', 'task id', 'model', 'status', 'credits', 'seconds', 'file'],
    rows.map((r) => [
      r.integration,
      r.taskId,
      r.model,
      r.status,
      String(r.credits),
      r.seconds.toFixed(1),
      r.file,
    ]),
  );
  if (failures.length > 0) {
    ui.fail(`scenarios failed: ${failures.join(', ')}`);
    return 1;
  }
  ui.info(`All ${selected.length} scenario(s) succeeded.`);
  return 0;
}

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string' },
      yes: { type: 'boolean', short: 'y' },
      help: { type: 'boolean', short: 'h' },
      web: { type: 'boolean' },
      port: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  return values;
}

process.exitCode = await main(process.argv.slice(2));
