// The README blocks the check runs. A block is opted in by a marker comment on the line(s) before its
// fence, so a new README breaks nothing until someone marks its examples:
//
//   <!-- run -->              run it (ts/js/cjs/sh) against the emulator, and type-check it if it is ts
//   <!-- run: typecheck -->   type-check only (it needs something the check cannot offer, e.g. a real LLM key)
//
// A marked block must be complete: its imports, its setup, nothing borrowed from an earlier block.

export type BlockLanguage = 'ts' | 'js' | 'cjs' | 'sh';
export type BlockMode = 'run' | 'typecheck';

export interface ReadmeBlock {
  language: BlockLanguage;
  mode: BlockMode;
  code: string;
  /** 1-based line of the opening fence, for messages. */
  line: number;
}

const MARKER = /^<!--\s*run(?::\s*(\w+))?\s*-->\s*$/;
const FENCE = /^(```+|~~~+)\s*([\w-]*)/;
const LANGUAGES: Record<string, BlockLanguage> = {
  ts: 'ts',
  typescript: 'ts',
  js: 'js',
  javascript: 'js',
  mjs: 'js',
  cjs: 'cjs',
  sh: 'sh',
  bash: 'sh',
  shell: 'sh',
};

export function extractBlocks(markdown: string): ReadmeBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: ReadmeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = MARKER.exec(lines[i]?.trim() ?? '');
    if (!marker) continue;
    const mode = (marker[1] ?? 'run') as BlockMode;
    if (mode !== 'run' && mode !== 'typecheck')
      throw new Error(`line ${i + 1}: unknown marker mode "${mode}"`);
    let start = i + 1;
    while (start < lines.length && lines[start]?.trim() === '') start++;
    const fence = FENCE.exec(lines[start] ?? '');
    if (!fence) throw new Error(`line ${i + 1}: a run marker must be followed by a code fence`);
    const language = LANGUAGES[fence[2] ?? ''];
    if (!language)
      throw new Error(`line ${start + 1}: cannot run a "${fence[2]}" block (use ts, js, cjs or sh)`);
    const end = lines.findIndex((text, index) => index > start && text.trim() === fence[1]);
    if (end < 0) throw new Error(`line ${start + 1}: the code fence is never closed`);
    blocks.push({ language, mode, code: lines.slice(start + 1, end).join('\n'), line: start + 1 });
    i = end;
  }
  return blocks;
}

/** Package names the README asks users to install (`npm install a b@1` lines in any code block). */
export function installedPackages(markdown: string): string[] {
  const names = new Set<string>();
  for (const match of markdown.matchAll(/^\s*(?:npm (?:install|i|add)|pnpm add|yarn add)\s+([^\n#]+)/gm)) {
    for (const word of (match[1] ?? '').trim().split(/\s+/)) {
      if (word.startsWith('-')) continue;
      names.add(word.replace(/(?<=.)@[^/]*$/, ''));
    }
  }
  return [...names];
}

/** Bare package names a block imports or requires (node: builtins and relative paths excluded). */
export function importedPackages(code: string): string[] {
  const names = new Set<string>();
  const pattern = /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"]+)['"]/g;
  for (const match of code.matchAll(pattern)) {
    const specifier = match[1] ?? '';
    if (specifier.startsWith('.') || specifier.startsWith('node:') || specifier.startsWith('/')) continue;
    const parts = specifier.split('/');
    names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier));
  }
  return [...names];
}

/**
 * Links that break on the npm site: it shows the README alone, so a relative link (to another package or
 * to a file of the repository) leads nowhere. Anchors (#...) and absolute URLs are fine.
 */
export function relativeLinks(markdown: string): string[] {
  const links: string[] = [];
  const prose = markdown.replace(/^(```+|~~~+)[^\n]*\n[\s\S]*?^\1\s*$/gm, '').replace(/`[^`\n]*`/g, '');
  for (const match of prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)|<a\s[^>]*href="([^"]+)"/g)) {
    const target = match[1] ?? match[2] ?? '';
    if (!/^(https?:|mailto:|#)/.test(target)) links.push(target);
  }
  return links;
}
