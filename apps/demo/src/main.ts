// The demo: every integration this repository offers, one after another, against the embedded emulator
// (or the real API when AIVIDEOMAKER_API_KEY is set, after showing the cost and asking). Exits 0 only
// when every scenario succeeded; the videos land in apps/demo/out/.
import { parseArgs } from 'node:util';
import { confirmSpend } from './confirm.ts';
import { openEnvironment } from './environment.ts';
import type { VideoRow } from './scenario.ts';
import { SCENARIOS } from './scenarios/index.ts';
import { createUi } from './ui.ts';

const USAGE = `Usage: pnpm demo [--only <name>] [--yes] [--help]

Runs every AI Video Maker integration and saves the videos under apps/demo/out/.
Without AIVIDEOMAKER_API_KEY it uses the embedded emulator (free, offline, seconds).
With AIVIDEOMAKER_API_KEY it uses the real API: it shows the credits and asks first (--yes skips).
With OPENAI_API_KEY the agents use a real OpenAI model instead of the offline scripted one.

Scenarios:
${SCENARIOS.map((s) => `  ${s.name.padEnd(12)} ${s.title}`).join('\n')}`;

async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const selected = args.only ? SCENARIOS.filter((s) => s.name === args.only) : SCENARIOS;
  if (selected.length === 0) {
    console.error(
      `--only: unknown scenario "${args.only}"; one of: ${SCENARIOS.map((s) => s.name).join(', ')}`,
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
    },
    strict: true,
    allowPositionals: false,
  });
  return values;
}

process.exitCode = await main(process.argv.slice(2));
