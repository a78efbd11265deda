// What ClawHub's static scanner and reviewers look for in a bundled script (§2.6 item 6 and §5 of the
// ClawHub notes): only `node:` imports, no child processes, no dynamic code, no environment variable
// but the declared ones (and never the whole `process.env`), not minified.
import { DECLARED_ENV } from '../skill';

// Bundled libraries keep their doc comments, some of them long; minified code has far longer lines.
const MAX_LINE = 1000;
const MAX_AVERAGE_LINE = 100;

export function scriptProblems(source: string): string[] {
  const problems: string[] = [];
  const imports = [
    ...source.matchAll(
      /\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)|\bimport\s*["']([^"']+)["']/g,
    ),
  ].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
  for (const specifier of new Set(imports)) {
    if (!specifier.startsWith('node:'))
      problems.push(`imports "${specifier}" (only node: builtins are allowed)`);
  }
  if (/\brequire\s*\(/.test(source)) problems.push('calls require()');
  if (/child_process/.test(source)) problems.push('mentions child_process');
  if (/\beval\s*\(|\bnew\s+Function\b|\bFunction\s*\(/.test(source))
    problems.push('generates code (eval/Function)');
  for (const match of source.matchAll(/process\s*\??\.\s*env\b(\s*\??\.\s*([A-Za-z_$][\w$]*))?/g)) {
    const name = match[2];
    if (!name) problems.push(`reads process.env as a whole or dynamically: "${match[0]}"`);
    else if (!DECLARED_ENV.includes(name)) problems.push(`reads the undeclared environment variable ${name}`);
  }
  if (/globalThis\s*\??\.\s*process\b/.test(source)) problems.push('reaches process through globalThis');
  const lengths = source.split('\n').map((line) => line.length);
  const longest = Math.max(...lengths);
  const average = lengths.reduce((sum, length) => sum + length, 0) / lengths.length;
  if (longest > MAX_LINE || average > MAX_AVERAGE_LINE) {
    problems.push(`looks minified (longest line ${longest}, average ${Math.round(average)} characters)`);
  }
  return problems;
}
