// Splits SKILL.md into frontmatter and body the way OpenClaw does: `---` on line 1, closed by a `---`
// line, YAML (core schema) in between. Broken YAML is an error here; OpenClaw would skip the skill.
import { parse } from 'yaml';

export interface SkillMarkdown {
  frontmatter: Record<string, unknown>;
  body: string;
}

export function parseSkillMarkdown(text: string): SkillMarkdown {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') throw new Error('SKILL.md must start with a "---" frontmatter line');
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (end < 0) throw new Error('SKILL.md frontmatter is not closed by a "---" line');
  let frontmatter: unknown;
  try {
    frontmatter = parse(lines.slice(1, end).join('\n'), { schema: 'core', uniqueKeys: true });
  } catch (error) {
    throw new Error(`SKILL.md frontmatter is not valid YAML: ${(error as Error).message}`);
  }
  if (frontmatter === null || typeof frontmatter !== 'object' || Array.isArray(frontmatter)) {
    throw new Error('SKILL.md frontmatter must be a YAML mapping');
  }
  return { frontmatter: frontmatter as Record<string, unknown>, body: lines.slice(end + 1).join('\n') };
}
