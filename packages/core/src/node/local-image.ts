// A local image file -> data URL. Symlinks and `..` are resolved before the roots check, the size is
// checked with stat before anything is read, and at most maxBytes + 1 bytes are ever read.
import { open, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { InputValidationError } from '../errors';
import { bytesToDataUrl, DEFAULT_MAX_IMAGE_BYTES } from '../media';

export interface LocalImageOptions {
  /** Largest accepted file in bytes (default 10 MB). */
  maxBytes?: number | undefined;
  /** When given, the file must be inside one of these folders (after resolving symlinks). */
  roots?: readonly string[] | undefined;
}

async function realOrFail(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    throw new InputValidationError('image', `no readable file at ${JSON.stringify(path)}`);
  }
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export async function imageFromPath(path: string, options: LocalImageOptions = {}): Promise<string> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMAGE_BYTES;
  const target = await realOrFail(resolve(path));
  if (options.roots) {
    const roots = await Promise.all(
      options.roots.map((root) => realpath(resolve(root)).catch(() => undefined)),
    );
    if (!roots.some((root) => root !== undefined && isInside(root, target))) {
      throw new InputValidationError(
        'image',
        `${JSON.stringify(path)} is outside the folders this app allows`,
        undefined,
        'Use an image inside an allowed folder, or a public https URL.',
      );
    }
  }
  const info = await stat(target);
  if (!info.isFile()) throw new InputValidationError('image', `${JSON.stringify(path)} is not a file`);
  if (info.size > maxBytes) {
    throw new InputValidationError(
      'image',
      `${JSON.stringify(path)} is ${info.size} bytes, more than the ${maxBytes}-byte limit`,
    );
  }
  const handle = await open(target, 'r');
  try {
    // The file may have grown since stat: read one byte past the cap to notice.
    const buffer = new Uint8Array(Math.min(info.size, maxBytes) + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return bytesToDataUrl(buffer.subarray(0, bytesRead), { maxBytes });
  } finally {
    await handle.close();
  }
}
