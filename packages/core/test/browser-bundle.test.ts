// The main and tools entries as a browser or edge app's bundler sees them: bundled from the built package
// by rolldown (the bundler under tsdown) for platform "browser", they must build without a Node built-in,
// so the local-image reader (node:fs) stays behind the `node` condition of package.json "imports".
// The browser build gets the stub, which refuses a local path with a clear error; Node gets the reader.
import { mkdtemp, rm } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type RolldownLog } from 'rolldown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = join(import.meta.dirname, '..');
// Built-ins by name, with or without the node: prefix, as an import, a dynamic import or a require.
const builtins = builtinModules.filter((name) => !name.startsWith('_'));
const builtinImport = new RegExp(
  String.raw`(?:from\s*|import\s*\(\s*|require\s*\(\s*|import\s*)["'](?:node:[^"']+|${builtins.map((name) => name.replace(/[/]/g, '\\/')).join('|')})["']`,
);

let outDir: string;
let code: string;
const logs: RolldownLog[] = [];

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'avm-browser-'));
  const result = await build({
    input: join(packageDir, 'test', 'fixtures', 'browser-app.mjs'),
    platform: 'browser',
    write: true,
    onLog: (_level, log) => logs.push(log),
    output: { dir: outDir, format: 'esm', entryFileNames: 'app.mjs' },
  });
  code = result.output.map((file) => (file.type === 'chunk' ? file.code : '')).join('\n');
}, 60_000);

afterAll(() => rm(outDir, { recursive: true, force: true }));

describe('a browser bundle of @aivideomaker/core and @aivideomaker/core/tools', () => {
  it('builds without a warning and imports no Node built-in', () => {
    expect(logs.map((log) => `${log.code}: ${log.message.split('\n')[0]}`)).toEqual([]);
    expect(code).toContain('createVideoToolSpecs');
    expect(code).not.toMatch(builtinImport);
  });

  it('refuses a local image path with a clear error instead of reaching for a file system', async () => {
    const app = await import(pathToFileURL(join(outDir, 'app.mjs')).href);
    const specs = app.createVideoToolSpecs({ apiKey: 'unused', localFiles: { roots: ['.'] } });
    const tool = specs.find((spec: { name: string }) => spec.name === 'image_to_video');
    const error = await tool.execute({ image: './cat.png' }).catch((caught: unknown) => caught);
    expect(app.isAIVideoMakerError(error, 'invalid_input')).toBe(true);
    expect(error.field).toBe('image');
    expect(error.message).toMatch(/no file system/);
  });
});

describe('the built tools entry on Node', () => {
  // The `node` condition gives the real reader: a path outside the roots is refused by it (ESM and CJS).
  it.each(['tools.mjs', 'tools.cjs'])('%s reads local images with the Node reader', async (file) => {
    const path = join(packageDir, 'dist', file);
    const built = file.endsWith('.cjs')
      ? createRequire(import.meta.url)(path)
      : await import(pathToFileURL(path).href);
    const specs = built.createVideoToolSpecs({ apiKey: 'unused', localFiles: { roots: [outDir] } });
    const tool = specs.find((spec: { name: string }) => spec.name === 'image_to_video');
    const error = await tool
      .execute({ image: join(packageDir, 'package.json') })
      .catch((caught: unknown) => caught);
    expect(error.field).toBe('image');
    expect(error.message).toMatch(/outside the folders this app allows/);
  });
});
