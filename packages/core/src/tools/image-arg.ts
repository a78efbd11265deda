// An image argument from a model: a URL or data URL is used as is; anything else is a local path, allowed
// only when the tool set enables local files. The Node file helper is loaded only then, so this entry
// stays web-standard.
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
  const { imageFromPath } = await import('../node/local-image');
  return imageFromPath(value, { roots: ctx.localFiles.roots, maxBytes: ctx.localFiles.maxBytes });
}
