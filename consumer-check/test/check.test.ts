// The consumer check itself, on a one-file fixture package: it passes on a good package, and fails when a
// README quick start is broken or the tarball leaves out a file the quick start needs. Offline: the fixture
// has no dependencies, so npm installs it from the tarball alone.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { consumerCheck } from '../src/check.ts';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'hello-package');
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function fixtureCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'consumer-check-fixture-'));
  dirs.push(dir);
  await cp(FIXTURE, dir, { recursive: true });
  return dir;
}

async function check(dir: string) {
  const result = await consumerCheck({ packages: [dir], dependencies: {}, offline: true, log: () => {} });
  if (result.projectDir) dirs.push(result.projectDir);
  return result.failures;
}

async function edit(file: string, change: (text: string) => string) {
  await writeFile(file, change(await readFile(file, 'utf8')));
}

describe('consumer check', () => {
  it('passes a package whose tarball and README quick start work', async () => {
    expect(await check(await fixtureCopy())).toEqual([]);
  });

  it('fails when the README quick start is broken', async () => {
    const dir = await fixtureCopy();
    await edit(join(dir, 'README.md'), (text) => text.replace("greet('world')", "greet('wrld')"));
    const failures = await check(dir);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/@fixture\/hello README\.md:\d+ exited with 1/);
    expect(failures[0]).toContain('hello, wrld');
  });

  it('fails when the tarball leaves out a file the quick start needs', async () => {
    const dir = await fixtureCopy();
    await edit(join(dir, 'package.json'), (text) => {
      const manifest = JSON.parse(text);
      manifest.files = manifest.files.filter((file: string) => file !== 'lib/words.mjs');
      return JSON.stringify(manifest);
    });
    const failures = (await check(dir)).join('\n');
    expect(failures).toContain('README.md');
    expect(failures).toMatch(/Cannot find module .*words\.mjs/);
  });

  it('fails when a marked example imports a package its install line leaves out', async () => {
    const dir = await fixtureCopy();
    await edit(join(dir, 'README.md'), (text) =>
      text.replace(
        "import { greet } from '@fixture/hello';",
        "import { greet } from '@fixture/hello';\nimport 'left-pad';",
      ),
    );
    expect((await check(dir)).join('\n')).toContain(
      "imports left-pad, which the README's install line leaves out",
    );
  });
});

describe('README rules', () => {
  it('finds relative links outside code, and leaves absolute links, anchors and code alone', async () => {
    const { relativeLinks } = await import('../src/readme.ts');
    const markdown = [
      'See [the CLI](../cli/README.md), [a file](LICENSE), [docs](https://example.com) and [below](#errors).',
      '`tools[name](args)` in code is not a link.',
      '```ts',
      'const run = handlers[kind](input);',
      '```',
    ].join('\n');
    expect(relativeLinks(markdown)).toEqual(['../cli/README.md', 'LICENSE']);
  });

  it('refuses a marker that is not followed by a runnable code block', async () => {
    const { extractBlocks } = await import('../src/readme.ts');
    expect(() => extractBlocks('<!-- run -->\n\nplain text\n')).toThrow(/must be followed by a code fence/);
    expect(() => extractBlocks('<!-- run -->\n```python\nprint(1)\n```\n')).toThrow(
      /cannot run a "python" block/,
    );
    expect(extractBlocks('<!-- run: typecheck -->\n```ts\nlet x = 1;\n```\n')).toEqual([
      { language: 'ts', mode: 'typecheck', code: 'let x = 1;', line: 2 },
    ]);
  });
});
