// Bundles the page (page/main.ts and the AI SDK's Chat code it imports) for the browser with rolldown, in
// memory, once when the server starts: about a second, and no build step or output folder to keep fresh.
import { join } from 'node:path';
import { build } from 'rolldown';

export const PAGE_DIR = join(import.meta.dirname, 'page');

export async function bundlePage(): Promise<string> {
  const result = await build({
    input: join(PAGE_DIR, 'main.ts'),
    platform: 'browser',
    write: false,
    logLevel: 'warn',
    output: { format: 'esm', minify: true },
  });
  const chunk = result.output[0];
  if (chunk.type !== 'chunk') throw new Error('page bundle: expected one JavaScript chunk');
  return chunk.code;
}
