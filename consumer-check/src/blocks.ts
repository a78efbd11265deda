// Runs the READMEs' marked blocks inside the consumer project and type-checks the TypeScript ones under
// both module resolutions users have (`nodenext` and `bundler`).
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { mapLimit, run, tail } from './process.ts';
import type { ReadmeBlock } from './readme.ts';

export interface NamedBlock extends ReadmeBlock {
  /** e.g. `@aivideomaker/core README.md:17` */
  label: string;
  /** file name stem, unique per block */
  slug: string;
}

const EXTENSIONS = { ts: 'ts', js: 'mjs', cjs: 'cjs', sh: 'sh' } as const;

export async function writeBlocks(
  projectDir: string,
  blocks: readonly NamedBlock[],
): Promise<Map<NamedBlock, string>> {
  const files = new Map<NamedBlock, string>();
  for (const block of blocks) {
    // Each block in its own folder (its working directory too), so files a script writes never collide
    // with another block's; imports and npx still find the project's node_modules further up.
    await mkdir(join(projectDir, 'readme', block.slug), { recursive: true });
    const file = join('readme', block.slug, `${block.slug}.${EXTENSIONS[block.language]}`);
    // `export {}` keeps every TypeScript block a module, so blocks never share top-level names.
    const code = block.language === 'ts' ? `${block.code}\nexport {};\n` : `${block.code}\n`;
    await writeFile(join(projectDir, file), code);
    files.set(block, file);
  }
  return files;
}

/** Runs every `run` block, two at a time; returns one failure message per block that did not exit 0. */
export async function runBlocks(
  projectDir: string,
  files: Map<NamedBlock, string>,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<string[]> {
  const runnable = [...files].filter(([block]) => block.mode === 'run');
  const results = await mapLimit(runnable, 2, async ([block, file]) => {
    const name = basename(file);
    const [command, args] = block.language === 'sh' ? ['bash', ['-euo', 'pipefail', name]] : ['node', [name]];
    const result = await run(command, args, { cwd: join(projectDir, dirname(file)), env, timeoutMs: 90_000 });
    const ok = result.code === 0;
    log(`  ${ok ? 'ok  ' : 'FAIL'} ${block.label} (${(result.ms / 1000).toFixed(1)} s)`);
    if (ok) return undefined;
    const why = result.timedOut ? 'did not finish within 90 s' : `exited with ${result.code}`;
    return `${block.label} ${why}:\n${tail(result.output)}`;
  });
  return results.filter((message): message is string => message !== undefined);
}

const COMMON_OPTIONS = {
  strict: true,
  target: 'es2023',
  lib: ['es2023', 'dom'],
  types: ['node'],
  noEmit: true,
  skipLibCheck: true,
  allowImportingTsExtensions: true,
};

/** tsc over every TypeScript block, once per module resolution; one failure message per failing mode. */
export async function typecheckBlocks(projectDir: string, files: Map<NamedBlock, string>): Promise<string[]> {
  const tsFiles = [...files].filter(([block]) => block.language === 'ts').map(([, file]) => file);
  if (tsFiles.length === 0) return [];
  const tsc = join(projectDir, 'node_modules', 'typescript', 'bin', 'tsc');
  if (!existsSync(tsc)) return ['typescript is not installed in the consumer project'];
  const modes = {
    nodenext: { module: 'nodenext', moduleResolution: 'nodenext' },
    bundler: { module: 'preserve', moduleResolution: 'bundler' },
  };
  const failures: string[] = [];
  for (const [mode, options] of Object.entries(modes)) {
    const config = `tsconfig.${mode}.json`;
    const tsconfig = { compilerOptions: { ...COMMON_OPTIONS, ...options }, files: tsFiles };
    await writeFile(join(projectDir, config), `${JSON.stringify(tsconfig, null, 2)}\n`);
    const result = await run('node', [tsc, '-p', config], { cwd: projectDir, timeoutMs: 180_000 });
    if (result.code !== 0)
      failures.push(`README TypeScript blocks do not type-check under ${mode}:\n${tail(result.output, 40)}`);
  }
  return failures;
}
