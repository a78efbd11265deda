// Our own validator for the skill folder: every rule the real OpenClaw runtime, its author lint and
// ClawHub's publish pipeline apply that can be checked offline, in one report.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { parseSkillMarkdown } from './frontmatter';
import { bodyProblems } from './rules/body-quality';
import { frontmatterProblems } from './rules/frontmatter-rules';
import { scriptProblems } from './rules/script';
import { slugProblems } from './rules/slug';
import { SKILL_SCRIPT } from './skill';

const MAX_FILE_BYTES = 10 * 1024 * 1024;
const MAX_SKILL_MD_BYTES = 256_000;
const PLUGIN_MARKERS = [
  'openclaw.plugin.json',
  '.codex-plugin',
  '.claude-plugin',
  '.cursor-plugin',
  'skill-card.md',
];

export interface SkillReport {
  ok: boolean;
  /** Each problem says which rule failed and how; empty when the folder is valid. */
  problems: string[];
}

export async function validateSkill(dir: string): Promise<SkillReport> {
  const problems = [...slugProblems(basename(dir)), ...(await fileProblems(dir))];
  const markdown = await readFile(join(dir, 'SKILL.md'), 'utf8').catch(() => undefined);
  if (markdown === undefined) problems.push('SKILL.md is missing');
  else {
    if (Buffer.byteLength(markdown) > MAX_SKILL_MD_BYTES) problems.push('SKILL.md is over 256 000 bytes');
    try {
      const { frontmatter, body } = parseSkillMarkdown(markdown);
      const summary = typeof frontmatter.description === 'string' ? frontmatter.description : '';
      problems.push(...frontmatterProblems(frontmatter, basename(dir)), ...bodyProblems(body, summary));
      if (!body.includes(`{baseDir}/${SKILL_SCRIPT}`))
        problems.push(`body must run the script as {baseDir}/${SKILL_SCRIPT}`);
      if (!/^MEDIA:|`MEDIA:/m.test(body))
        problems.push('body must tell the agent to end its reply with the MEDIA: line');
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  const script = await readFile(join(dir, SKILL_SCRIPT), 'utf8').catch(() => undefined);
  if (script === undefined) problems.push(`${SKILL_SCRIPT} is missing (run the build)`);
  else problems.push(...scriptProblems(script).map((problem) => `${SKILL_SCRIPT} ${problem}`));
  return { ok: problems.length === 0, problems };
}

async function fileProblems(dir: string): Promise<string[]> {
  const problems: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = relative(dir, join(entry.parentPath, entry.name));
    if (PLUGIN_MARKERS.includes(entry.name))
      problems.push(`${path} makes ClawHub treat the folder as a plugin`);
    if (entry.isSymbolicLink()) problems.push(`${path} is a symlink (ClawHub skips it)`);
    if (entry.isFile() && (await stat(join(dir, path))).size > MAX_FILE_BYTES)
      problems.push(`${path} is over 10 MB`);
    if (entry.name === 'package.json') {
      const manifest = JSON.parse(await readFile(join(dir, path), 'utf8')) as Record<string, unknown>;
      if ('openclaw' in manifest) problems.push(`${path} has an "openclaw" key, which makes it a plugin`);
    }
  }
  return problems;
}
