// An image argument from a model: a URL or data URL is used as is; anything else is a local path, allowed
// only when the tool set enables local files. The file reader is loaded only then, through package.json's
// `#local-image` import: the Node reader under the `node` condition, a stub that refuses local paths
// elsewhere, so browser and edge bundlers never see a `node:` import.
import { InputValidationError } from '../errors';
import { validateImageRef } from '../media';
import type { ToolSetContext } from './context';

export async function resolveImageArg(ctx: ToolSetContext, value: string): Promise<string> {
  if (/^(https?:\/\/|data:)/i.test(value)) return validateImageRef(value);
  if (!ctx.localFiles) {
    throw new InputValidationError(
      'image',
      `${JSON.stringify(value.slice(0, 80))} is not a URL, and local files are disabled for these tools`,
      undefined,
      'Pass a public https URL or a data:image/...;base64 URL.',
    );
  }
  const { imageFromPath } = await import('#local-image');
  return imageFromPath(value, { roots: ctx.localFiles.roots, maxBytes: ctx.localFiles.maxBytes });
}
