// The tarball rules on file lists and manifests (the full check packs real tarballs in check.test.ts).
import { describe, expect, it } from 'vitest';
import { crossPackageProblems, type Manifest, tarballProblems } from '../src/tarball.ts';

const manifest: Manifest = {
  name: '@aivideomaker/x',
  version: '0.1.0',
  license: 'MIT',
  files: ['dist', 'LICENSE'],
  exports: {
    '.': { import: './dist/index.mjs', require: './dist/index.cjs' },
    './package.json': './package.json',
  },
  bin: { x: './dist/bin.mjs' },
};
const good = [
  'LICENSE',
  'README.md',
  'dist/bin.mjs',
  'dist/index.cjs',
  'dist/index.d.cts',
  'dist/index.d.mts',
  'dist/index.mjs',
  'package.json',
];

describe('tarball rules', () => {
  it('accepts a complete package', () => {
    expect(tarballProblems(good, manifest)).toEqual([]);
  });

  it('names what is missing, unwanted or dangling', () => {
    const files = [
      ...good.filter((file) => file !== 'LICENSE' && file !== 'dist/index.d.cts'),
      'dist/index.mjs.map',
    ];
    const problems = tarballProblems(files, {
      ...manifest,
      files: ['dist', 'CHANGELOG.md'],
      dependencies: { y: 'workspace:^' },
    });
    expect(problems).toEqual([
      'LICENSE is missing from the tarball',
      'dist/index.cjs has no types (dist/index.d.cts)',
      'dist/index.mjs.map is a source map',
      '"files" names CHANGELOG.md, which does not exist',
      'dependency y is still "workspace:^"',
    ]);
  });

  it('wants internal dependencies as caret ranges of the packed version, and one zod range', () => {
    const core: Manifest = { name: '@aivideomaker/core', version: '0.1.0', dependencies: { zod: '^4.6.7' } };
    const adapter: Manifest = {
      name: '@aivideomaker/ai-sdk',
      version: '0.1.0',
      dependencies: { '@aivideomaker/core': '0.1.0' },
      peerDependencies: { zod: '^4.6.6' },
    };
    expect(crossPackageProblems([core, adapter])).toEqual([
      '@aivideomaker/ai-sdk depends on @aivideomaker/core "0.1.0"; publish "^0.1.0" (workspace:^)',
      'zod ranges differ: ^4.6.7 (@aivideomaker/core); ^4.6.6 (@aivideomaker/ai-sdk)',
    ]);
  });
});
