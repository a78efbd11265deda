// min+gzip size of core's main entry as an app bundler would ship it: bundled by rolldown (the bundler
// under tsdown) for the browser, minified, gzipped at level 9; once with zod inside and once with zod left
// to the app (external).
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'rolldown';

export interface BundleSize {
  minBytes: number;
  gzipBytes: number;
}

async function bundle(entry: string, external: RegExp[]): Promise<BundleSize> {
  const result = await build({
    input: entry,
    external,
    platform: 'browser',
    logLevel: 'silent',
    write: false,
    output: { format: 'esm', minify: true },
  });
  const code = result.output.map((file) => (file.type === 'chunk' ? file.code : '')).join('');
  return { minBytes: Buffer.byteLength(code), gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}

export async function coreBundleSizes(): Promise<{ withZod: BundleSize; withoutZod: BundleSize }> {
  const entry = fileURLToPath(import.meta.resolve('@aivideomaker/core'));
  return {
    withZod: await bundle(entry, []),
    withoutZod: await bundle(entry, [/^zod(\/|$)/]),
  };
}
