// The root README's "Performance" section: rewritten after every full run between its markers (added at
// the end of the README when missing); nothing outside the markers is touched.
import { readFile, writeFile } from 'node:fs/promises';
import { formatMs } from './format.ts';
import {
  footprintTable,
  importsTable,
  targetsTable,
  throughputTable,
  waitingTable,
  workersTable,
} from './report.ts';
import type { BenchResults } from './results.ts';

export const START_MARKER = '<!-- bench:start -->';
export const END_MARKER = '<!-- bench:end -->';

export function performanceSection(results: BenchResults): string {
  const { environment: env, config, waiting, imports, throughput } = results;
  const speed = waiting.speed;
  const counts = config.taskCounts.join(', ');
  return `## Performance

Measured by \`pnpm bench\` ([\`bench/\`](bench/)); every figure is in
[\`bench/results/latest.json\`](bench/results/latest.json). Last run ${results.generatedAt.slice(0, 10)}:
${env.cpus} × ${env.cpuModel}, Node ${env.node}, ${formatMs(results.durationMs)}. The machine is shared and noisy,
so figures are set against a baseline measured in the same run: compare ratios, not absolute times across runs.

${targetsTable(results.targets)}

### 1. Waiting at scale

N = ${counts} t2v tasks (${waiting.taskMsAtSpeed1 / 1000} s each) submitted at once with one key to the emulator,
which enforces the real limit of 60 queries a minute. Time is compressed ${speed}×: the emulator divides task
durations and its rate-limit window by ${speed}, and the client's \`rateLimit\` window, the naive 5 s interval
and core's poll intervals (2 to 15 s) are divided likewise. Times below are at real speed (measured × ${speed}).

- (a) naive: per task, plain \`fetch\` of its \`/status\` every 5 s, sleeping the \`Retry-After\` of a 429
  (the emulator's compressed \`retry-after-ms\`) and retrying, then one GET of the finished task.
- (b) core watcher: \`client.run\` for every task on one client, so every wait shares its watcher.
- (c) core webhooks: submitted with a \`webhookUrl\` served by \`createNodeWebhookHandler\` on loopback; a task
  counts when \`onTask\` gets it COMPLETED (the handler confirms finished states, several at once with one
  list call). Nothing polls.

Clocks: emulator and client run in one process per run, so the emulator's \`completedAt\` and the moment the
client holds the finished task come from the same clock (\`Date.now()\`); latency is their difference. Scaling
also multiplies the fixed cost of a loopback round trip (about 1 ms), so latencies under a second are upper
bounds. Queries are the GETs the emulator answered on \`/api/v1/tasks\` (list), \`/tasks/{id}\` (get) and
\`/tasks/{id}/status\`, 429s included. A run stops ${config.graceWindows} rate-limit windows
(${config.graceWindows} min) after its tasks' own duration; tasks not seen by then count as not detected.

${waitingTable(waiting)}

### 2. Cost of importing

\`await import()\` timed inside fresh Node processes (Node's start-up excluded), medians of ${imports.runs}
interleaved rounds: each entry alone, its framework alone, and the entry imported right after its framework in
the same process ("added", the figure the target uses; "ratio" compares the two cold imports). Size: core's main
entry bundled by rolldown for the browser, minified, gzip level 9, with zod inside and with zod left to the app.

${importsTable(imports)}

### 3. Tool footprint

What each adapter's tool definitions cost in a model's context: the JSON of each definition (name, description,
input JSON schema and the framework's wrapper keys) as the framework hands it to a mock model. AI SDK and
Mastra: the tools in \`MockLanguageModelV4\`'s recorded call; LangChain: the tools \`createAgent\` binds to
\`fakeModel()\`, converted with \`convertToOpenAITool\` as ChatOpenAI sends them; MCP: each entry of the server's
\`tools/list\` answer as the MCP SDK client receives it (it adds the output schema and annotations; a host
passes at least name, description and input schema to its model). Tokens ≈ characters / 4.

${footprintTable(results.footprint)}

### 4. Emulator throughput

\`GET /api/v1/tasks/{id}/status\` on loopback with the rate limit off, the emulator in its own process,
${throughput.connections} keep-alive connections, measured for ${formatMs(throughput.durationMs)} after a warm-up.

${throughputTable(throughput)}

### 5. Many workers behind one address

${config.workers.processes} worker processes with one key and one address, ${config.workers.tasksPerProcess}
t2v tasks each (\`generate\`, then each job checks its task with \`tasks.status\` every 5 s, through the
client and so its limiter), against one emulator with the real limit of 60 queries a minute per IP (time
compressed ${speed}×, figures at real speed). Once with core's default limiter in each process (each allows 60
a minute, knowing nothing of the others), once with \`@aivideomaker/limiter\` shared through Postgres (a
throwaway cluster). Counted from the emulator's request log and ledger; the peak is the most queries in any
60 s span (sliding, not per fixed minute).

${workersTable(results.workers)}`;
}

export function replaceSection(readme: string, section: string): string {
  const block = `${START_MARKER}\n${section}\n${END_MARKER}`;
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start === -1 || end < start) return `${readme.trimEnd()}\n\n${block}\n`;
  return `${readme.slice(0, start)}${block}${readme.slice(end + END_MARKER.length)}`;
}

export async function updateReadme(path: string, section: string): Promise<void> {
  await writeFile(path, replaceSection(await readFile(path, 'utf8'), section));
}
