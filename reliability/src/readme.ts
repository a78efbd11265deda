// The root README's "Reliability" section, between its markers: created just before the Performance
// section (or at the end) the first time; nothing outside the markers is ever touched.
import type { AreaResults, Results } from './results';

export const START_MARKER = '<!-- reliability:start -->';
export const END_MARKER = '<!-- reliability:end -->';
const BENCH_MARKER = '<!-- bench:start -->';

const number = (n: number) => n.toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const WHAT: Record<AreaResults['area'], string> = {
  'Fault matrix':
    'generate, run, list, get, status, cancel and wait under refused connections, resets, timeouts, 5xx before and after the work, malformed JSON, HTML pages, 429 storms, FAILED tasks and cancel races',
  'Bad input':
    'the five models, the tools (directly and in the AI SDK, LangChain and Mastra agent loops), CLI flags and webhook bodies',
  Secrets:
    'a sentinel key through errors, stacks, `util.inspect`, JSON, log lines, tool results and CLI output, against a server that echoes it',
  'Abort and shutdown': 'aborting every stage of every call, the agent loops, the CLI and downloads',
  Webhooks: 'forged, replayed, malformed and wrong-token deliveries',
  'Agent guardrails':
    'credit budgets under parallel tool calls, local paths outside the allow-list, a 1 GB file',
  Redirects:
    'every call (generate, list, get, status, cancel, wait, the CLI) answered 301, 302, 303, 307 and 308 towards another origin',
  'Webhook floods':
    'hundreds of forged notifications with unknown task ids at once and one by one, with and without a token, while a real task completes',
  'Destination safety':
    'downloads and `--out` onto existing files, symlinks, FIFOs, devices, paths under a file, missing folders; checked before paying',
  'Hostile server answers':
    'task ids such as `../../escaped`, answers about another task, Retry-After 0/negative/past, a failing confirming read, broken transfers',
  'Aborts against budgets':
    'paid tool calls aborted after their POST reached a slow server, one by one and all at once, against the documented API and the live one; aborts before sending',
  Load: "1,000 tasks at once through one client's watcher, the emulator in its own process",
  'Emulator limits':
    "oversized bodies and prompts, control characters, one key's flood of big tasks, bad percent-encoding, broken fault rules, timer overflows, a dripping webhook receiver, ports fetch() refuses",
};

function figure(area: AreaResults, results: Results): string {
  switch (area.area) {
    case 'Fault matrix':
      return `waits past their timeout: ${area.lateWaits} of ${number(area.waits)}`;
    case 'Bad input':
      return `requests that reached the API: ${area.strayRequests}`;
    case 'Secrets':
      return `key found ${area.secretHits} times in ${number(area.secretChecks)} renderings`;
    case 'Abort and shutdown':
      return `slowest rejection ${Math.round(area.slowestAbortMs)} ms (limit 100 ms)`;
    case 'Webhooks':
      return `changes caused: ${area.webhookEffects}`;
    case 'Agent guardrails':
    case 'Aborts against budgets':
      return `credits spent over a budget: ${area.overspent}`;
    case 'Redirects':
      return `key sent to another origin: ${area.keyOffOrigin}; paid requests resent: ${area.duplicates}`;
    case 'Webhook floods':
      return `${number(area.floodHints)} forged hints; requests beyond the quarter share: ${area.overShare}`;
    case 'Destination safety':
      return `files replaced, written outside or paid for before a refusal: ${area.unsafeWrites}`;
    case 'Hostile server answers':
      return `taken as valid: ${area.hostileAccepted}; files written outside: ${area.unsafeWrites}`;
    case 'Emulator limits':
      return `answers broken (500, reset, hang, another key's answer changed): ${area.emulatorBreaks}`;
    case 'Load': {
      const load = results.load;
      if (!load) return 'not run';
      return (
        `${number(load.completed)} of ${number(load.tasks)} completed in ${seconds(load.durationMs)}, ` +
        `${load.status429} × 429, ${load.queries} queries; heap ${load.heapBeforeMb} → ${load.heapAfterMb} MB ` +
        `(peak ${load.heapPeakMb} MB)`
      );
    }
  }
}

export function reliabilitySection(results: Results): string {
  const rows = results.areas.map(
    (area) =>
      `| ${area.area} | ${WHAT[area.area]} | ${number(area.cases)} | ${area.faults ? number(area.faults) : '–'} | ${area.duplicates} | ${area.leaks} | ${figure(area, results)} |`,
  );
  const open = results.knownWeaknesses.length
    ? `\n\nOpen weaknesses (tests marked \`.fails\` until fixed):\n\n${results.knownWeaknesses.map((name) => `- ${name}`).join('\n')}`
    : '';
  const { totals } = results;
  return `## Reliability

What the reliability suite ([\`reliability/\`](reliability/)) proves on every \`pnpm test\`, against the emulator
over loopback with its fault injection, with a sentinel API key; last full run ${results.generatedAt.slice(0, 10)},
Node ${results.node}, ${results.tests} tests in ${seconds(results.durationMs)}. Every figure is in
[\`reliability/results/latest.json\`](reliability/results/latest.json), rewritten when the whole suite passes.
*Duplicates*: tasks created twice for one call, or credits charged or refunded twice, from the emulator's
ledger. *Leaks*: timers or sockets left keeping the process alive after a test.

| Area | What | Cases run | Faults survived | Duplicates | Leaks | Figures |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}
| **Total** | | **${number(totals.cases)}** | **${number(totals.faults)}** | **${totals.duplicates}** | **${totals.leaks}** | |${open}`;
}

/** `readme` with the section replaced, or inserted before the Performance section, or appended. */
export function replaceSection(readme: string, section: string): string {
  const block = `${START_MARKER}\n${section}\n${END_MARKER}`;
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start !== -1 && end > start)
    return `${readme.slice(0, start)}${block}${readme.slice(end + END_MARKER.length)}`;
  const bench = readme.indexOf(BENCH_MARKER);
  if (bench !== -1) return `${readme.slice(0, bench)}${block}\n\n${readme.slice(bench)}`;
  return `${readme.trimEnd()}\n\n${block}\n`;
}
