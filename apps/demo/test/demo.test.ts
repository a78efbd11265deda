// Runs the demo as a user would (`node src/main.ts`, no API key) and checks every scenario's result and
// the MP4 files it saved.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../src/scenarios/index.ts';
import { demoEnv } from './env.ts';

const DEMO = join(import.meta.dirname, '..');
const REPO = join(DEMO, '..', '..');
const run = promisify(execFile);

async function demo(args: string[], env: Record<string, string> = {}) {
  return run(process.execPath, [join(DEMO, 'src/main.ts'), ...args], {
    cwd: DEMO,
    env: demoEnv(env),
    timeout: 240_000, // the openclaw scenario starts OpenClaw in a fresh process
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );
}

function summaryRows(stdout: string): string[][] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => l.startsWith('integration'));
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line || line.startsWith(' ')) break;
    rows.push(line.split(/\s{2,}/));
  }
  return rows;
}

describe('the demo', () => {
  it('runs every scenario on the embedded emulator and saves real MP4s', async () => {
    const { code, stdout, stderr } = await demo([]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('using the embedded emulator');
    expect(stdout).not.toMatch(/\x1b\[/); // no escape codes off a terminal
    const rows = summaryRows(stdout);
    for (const scenario of SCENARIOS) {
      expect(rows.some((r) => r[0]?.startsWith(scenario.name))).toBe(true);
    }
    const videos = rows.filter((r) => r[6] !== '-');
    expect(videos.length).toBeGreaterThanOrEqual(SCENARIOS.length);
    for (const [integration, taskId, model, status, , , file] of videos) {
      expect(status, `${integration} ${model} ${taskId}`).toBe('COMPLETED');
      const bytes = readFileSync(join(REPO, file ?? ''));
      expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
    }
    expect(rows.find((r) => r[0] === 'core' && r[3] === 'CANCEL')).toBeDefined();
    expect(stdout).toMatch(/credits after: \d+ \(spent \d+/);
    expect(stdout).toMatch(/^ {2}\| MEDIA: \/.+\.mp4$/m); // the skill's script ends with the line OpenClaw shows
    expect(stdout.match(/preliminary result: (\w+)/g)).toEqual([
      'preliminary result: SUBMITTED',
      'preliminary result: PROGRESS',
      'preliminary result: COMPLETED',
    ]);
    expect(stdout).toMatch(/custom stream: .*COMPLETED/);
    expect(stdout).toMatch(/data-video-progress: .*COMPLETED/);
    expect(stdout).toMatch(/workflow data-video-progress: .*COMPLETED/);
    expect(stdout).toMatch(/startVideo: operation \{"taskId":"\w+"\}/);
    expect(rows.filter((r) => r[0] === 'video-model' && r[3] === 'COMPLETED')).toHaveLength(2);
    expect(stdout).toMatch(/video_generate result: t2v http:\/\/127\.0\.0\.1:\d+\/files\//);
    // The MCP host got each status change as a progress notification, and the video as a resource link.
    expect(stdout.match(/mcp progress: .*?(Submitted|PROGRESS|COMPLETED)/g)?.length).toBeGreaterThanOrEqual(
      2,
    );
    expect(stdout).toMatch(/mcp progress: .*COMPLETED/);
    expect(stdout).toMatch(/resource_link: video\/mp4 http/);
  }, 240_000);

  // Each of these starts the demo cold (every framework is imported): seconds on a busy machine.
  it('lists its scenarios with --help and refuses unknown ones', async () => {
    const help = await demo(['--help']);
    expect(help.code).toBe(0);
    for (const scenario of SCENARIOS) expect(help.stdout).toContain(scenario.name);
    const unknown = await demo(['--only', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown scenario "nope"');
  }, 60_000);

  it('never spends real credits from a script without --yes', async () => {
    const { code, stdout, stderr } = await demo(['--only', 'core'], {
      AIVIDEOMAKER_API_KEY: 'not-a-real-key',
      AIVIDEOMAKER_BASE_URL: 'http://127.0.0.1:59999',
    });
    expect(code).toBe(1);
    expect(stdout).toMatch(/spends about \d+ credits/);
    expect(stderr).toContain('pass --yes');
    expect(stdout + stderr).not.toContain('not-a-real-key');
  }, 60_000);
});
