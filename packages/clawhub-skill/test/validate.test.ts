// Our validator: the real folder passes; each rule fails a copy broken in exactly that way. And the
// facts SKILL.md states (costs, the confirmation threshold, exit codes) match core and the CLI.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_MAX_CREDITS, DEFAULT_TIMEOUT_SECONDS, EXIT } from '@aivideomaker/cli';
import { DEFAULT_WAIT_TIMEOUT_MS, estimateCredits } from '@aivideomaker/core';
import { durationText, MODEL_DURATIONS, priceText, type TimedModel } from '@aivideomaker/core/internal';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSkillMarkdown, SKILL_SCRIPT, slugProblems, validateSkill } from '../src/index';
import { copySkill, SKILL_DIR, tempDir } from './helpers';

const markdown = readFileSync(join(SKILL_DIR, 'SKILL.md'), 'utf8');
const temp = tempDir();
afterAll(() => temp.remove());

let copies = 0;
async function problemsOf(change: { markdown?: (text: string) => string; script?: string; name?: string }) {
  const dir = copySkill(join(temp.path, String(copies++)), change.name);
  if (change.markdown) writeFileSync(join(dir, 'SKILL.md'), change.markdown(markdown));
  if (change.script !== undefined) writeFileSync(join(dir, SKILL_SCRIPT), change.script);
  return (await validateSkill(dir)).problems;
}

it('the skill folder passes every rule', async () => {
  expect(await validateSkill(SKILL_DIR)).toEqual({ ok: true, problems: [] });
});

describe('each rule catches its mistake', () => {
  const swap = (from: string | RegExp, to: string) => (text: string) => {
    const changed = text.replace(from, to);
    expect(changed).not.toBe(text);
    return changed;
  };
  it.each([
    [
      'a top-level version',
      swap('homepage: https', 'version: 1.0.0\nhomepage: https'),
      'unexpected top-level key "version"',
    ],
    [
      'requires.env as objects',
      swap('env: [AIVIDEOMAKER_API_KEY]', 'env: [{name: AIVIDEOMAKER_API_KEY}]'),
      'requires.env must be a list of strings',
    ],
    [
      'the optional variable as required',
      swap('env: [AIVIDEOMAKER_API_KEY]', 'env: [AIVIDEOMAKER_API_KEY, AIVIDEOMAKER_BASE_URL]'),
      'must be exactly [AIVIDEOMAKER_API_KEY]',
    ],
    [
      'no "Use when"',
      swap('Use when asked', 'Handy when asked'),
      'description must say when to use the skill',
    ],
    [
      'a name that is not the folder',
      swap('name: aivideomaker-video', 'name: video-maker'),
      'name must equal the folder name',
    ],
    ['broken YAML', swap('emoji: "🎬"', 'emoji: "🎬'), 'frontmatter is not valid YAML'],
    [
      'a thin body',
      (text) => `${text.split('\n# ')[0]}\n# Video\n\nMakes videos.\n`,
      'body is too thin for ClawHub',
    ],
    ['no MEDIA instruction', swap(/MEDIA:/g, 'FILE:'), 'MEDIA: line'],
    [
      'no {baseDir} path',
      swap(/\{baseDir\}\//g, ''),
      'body must run the script as {baseDir}/scripts/aivideomaker.mjs',
    ],
    ['always: true', swap('emoji: "🎬"', 'emoji: "🎬"\n    always: true'), 'always must not be set'],
  ])('%s', async (_name, edit, problem) => {
    expect((await problemsOf({ markdown: edit })).join('\n')).toContain(problem);
  });

  it.each([
    [
      'an undeclared env var',
      'const mode = process.env.NODE_ENV;\n',
      'reads the undeclared environment variable NODE_ENV',
    ],
    [
      'the whole environment',
      'const all = { ...process.env };\n',
      'reads process.env as a whole or dynamically',
    ],
    ['a package import', 'import { z } from "zod";\n', 'imports "zod"'],
    ['child processes', 'import { execSync } from "node:child_process";\n', 'mentions child_process'],
    ['dynamic code', 'const f = new Function("return 1");\n', 'generates code'],
    ['minified code', `${'a=1;'.repeat(400)}\n`, 'looks minified'],
  ])('a script with %s', async (_name, script, problem) => {
    expect((await problemsOf({ script })).join('\n')).toContain(`${SKILL_SCRIPT} ${problem}`);
  });

  it('slugs: taken, reserved, protected affixes and bad characters', async () => {
    expect(
      (
        await problemsOf({
          name: 'ai-video-maker',
          markdown: swap('name: aivideomaker-video', 'name: ai-video-maker'),
        })
      ).join(),
    ).toContain('already taken');
    expect(slugProblems('aivideomakerai').join()).toContain('already taken');
    expect(slugProblems('api').join()).toContain('reserved');
    expect(slugProblems('openclaw-video').join()).toContain('protected affix "openclaw"');
    expect(slugProblems('video-official').join()).toContain('protected affix "official"');
    expect(slugProblems('Video--Maker').join()).toContain('lowercase letters');
    expect(slugProblems('aivideomaker-video')).toEqual([]);
  });
});

describe('what SKILL.md tells the agent matches core and the CLI', () => {
  const { body } = parseSkillMarkdown(markdown);
  const rows = (firstColumn: RegExp) =>
    body
      .split('\n')
      .filter((line) => firstColumn.test(line))
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );

  it('the credit table is core estimateCredits, model by model', () => {
    const table = rows(/^\| (t2v|i2v|lv|t2v_v3|i2v_v3) \|/);
    expect(table.map((row) => row[0]).sort()).toEqual(['i2v', 'i2v_v3', 'lv', 't2v', 't2v_v3']);
    for (const [model = '', , seconds = '', credits = ''] of table) {
      if (model === 'lv') {
        expect(credits).toBe(`${estimateCredits('lv', { prompt: ['one segment'] })} per prompt`);
        continue;
      }
      const durations = MODEL_DURATIONS[model as TimedModel];
      expect(seconds).toBe(durations.join(', '));
      expect(credits).toBe(
        durations.map((duration) => estimateCredits(model as TimedModel, { duration })).join(', '),
      );
    }
  });

  it("the minimax row is core's model table", () => {
    const [row] = rows(/^\| minimax \|/);
    expect(row?.slice(2)).toEqual([durationText('minimax'), priceText('minimax')]);
  });

  it('the confirmation threshold is the CLI default', () => {
    expect(body).toContain(
      `Above ${DEFAULT_MAX_CREDITS} credits the script refuses to submit unless given \`--yes\` (exit code ${EXIT.notConfirmed}`,
    );
  });

  it("the wait limit is the CLI default, core's one default wait", () => {
    expect(DEFAULT_TIMEOUT_SECONDS * 1000).toBe(DEFAULT_WAIT_TIMEOUT_MS);
    expect(body.replace(/\s+/g, ' ')).toContain(
      `exit code ${EXIT.timeout} (default limit ${DEFAULT_TIMEOUT_SECONDS / 60} minutes, \`--timeout\` changes it)`,
    );
  });

  it('the error table lists the CLI exit codes', () => {
    const codes = rows(/^\| \d+ \|/).map((row) => Number(row[0]));
    const documented = [
      EXIT.badInput,
      EXIT.auth,
      EXIT.insufficientCredits,
      EXIT.taskFailed,
      EXIT.timeout,
      EXIT.network,
      EXIT.notConfirmed,
    ];
    expect(codes).toEqual(documented);
  });
});
