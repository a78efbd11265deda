// Scenario 5, the ClawHub skill: its bundled script run with `node`, exactly as an OpenClaw agent runs it
// (a fresh process, only the two declared variables, the agent's workspace as the working folder). The
// script's last line is the MEDIA: line the agent ends its reply with.
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { SKILL_SCRIPT, SKILL_SLUG } from '@aivideomaker/clawhub-skill';
import { estimateCredits } from '@aivideomaker/core';
import { OUT_DIR, REPO_DIR, type Scenario } from '../scenario.ts';

const SKILL_DIR = join(
  dirname(createRequire(import.meta.url).resolve('@aivideomaker/clawhub-skill/package.json')),
  'skill',
  SKILL_SLUG,
);
const ARGS = [
  'generate',
  't2v',
  '--prompt',
  'A lighthouse beam sweeping over a stormy sea',
  '--aspect-ratio',
  '1:1',
  '--duration',
  '5',
];

export const skillScenario: Scenario = {
  name: 'skill',
  title: `ClawHub skill: node {baseDir}/${SKILL_SCRIPT} as an OpenClaw agent runs it`,
  plannedCredits: estimateCredits('t2v', { duration: '5' }),
  async run({ env, ui }) {
    const workspace = join(OUT_DIR, 'skill-workspace');
    await mkdir(workspace, { recursive: true });
    const args = [join(SKILL_DIR, SKILL_SCRIPT), ...ARGS, '--out', 'videos/'];
    ui.info(
      `$ node {baseDir}/${SKILL_SCRIPT} ${ARGS.map((a) => (a.includes(' ') ? `"${a}"` : a)).join(' ')} --out videos/`,
    );
    const startedAt = Date.now();
    const child = spawn(process.execPath, args, {
      cwd: workspace,
      env: {
        PATH: process.env.PATH ?? '',
        AIVIDEOMAKER_API_KEY: env.apiKey,
        AIVIDEOMAKER_BASE_URL: env.baseUrl,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: string[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => {
      stdout.push(line);
      ui.info(`| ${line}`);
    });
    createInterface({ input: child.stderr }).on('line', (line) => ui.progress('script', line.trim()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    if (code !== 0) throw new Error(`the skill script exited ${code}: ${stdout.join(' ')}`);

    // The agent reads the human output: the final status line and the MEDIA: line it ends its reply with.
    const media = stdout.at(-1)?.match(/^MEDIA: (.+)$/)?.[1];
    const finished = stdout.map((line) => line.match(/^Task (\S+) (\S+) in /)).find(Boolean);
    if (!media || !finished) throw new Error(`the script printed no final status and MEDIA: line`);
    const file = relative(REPO_DIR, media);
    return [
      {
        integration: 'skill',
        taskId: finished[1] ?? '',
        model: 't2v',
        status: finished[2] ?? '',
        credits: estimateCredits('t2v', { duration: '5' }),
        seconds: (Date.now() - startedAt) / 1000,
        file,
      },
    ];
  },
};
