// Serves a completed task's video: a real MP4 per aspect ratio from the committed assets folder, with
// content-length, accept-ranges and single-range (206) answers, as a CDN would.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fail, Reply } from './http';
import type { AspectRatio } from './models';

const ASSET_FILES: Record<AspectRatio, string> = {
  '16:9': 'video-16x9.mp4',
  '9:16': 'video-9x16.mp4',
  '1:1': 'video-1x1.mp4',
};

/**
 * `assets/` sits next to both `src/` (tests) and `dist/` (built), one level up from this module.
 * `__dirname` exists in the CJS build, `import.meta.dirname` in ESM.
 */
export function defaultAssetsDir(): string {
  const here = typeof __dirname === 'string' ? __dirname : import.meta.dirname;
  return join(here, '..', 'assets');
}

export class VideoFiles {
  readonly #cache = new Map<AspectRatio, Buffer>();

  constructor(private readonly assetsDir: string) {}

  load(ratio: AspectRatio): Buffer {
    let bytes = this.#cache.get(ratio);
    if (!bytes) {
      bytes = readFileSync(join(this.assetsDir, ASSET_FILES[ratio]));
      this.#cache.set(ratio, bytes);
    }
    return bytes;
  }

  reply(ratio: AspectRatio, rangeHeader: string | undefined, fail: Fail): Reply {
    let bytes: Buffer;
    try {
      bytes = this.load(ratio);
    } catch {
      return fail(
        500,
        'INTERNAL_ERROR',
        `Emulator asset ${ASSET_FILES[ratio]} is missing from ${this.assetsDir}`,
      );
    }
    const headers = { 'content-type': 'video/mp4', 'accept-ranges': 'bytes', 'cache-control': 'no-store' };
    const range = rangeHeader ? parseRange(rangeHeader, bytes.length) : undefined;
    if (range === undefined) return { status: 200, headers, body: bytes };
    if (range === 'unsatisfiable') {
      return { status: 416, headers: { ...headers, 'content-range': `bytes */${bytes.length}` } };
    }
    const [start, end] = range;
    return {
      status: 206,
      headers: { ...headers, 'content-range': `bytes ${start}-${end}/${bytes.length}` },
      body: bytes.subarray(start, end + 1),
    };
  }
}

/** One `bytes=` range; anything else (several ranges, other units) is ignored and the whole file sent. */
export function parseRange(header: string, size: number): [number, number] | 'unsatisfiable' | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return undefined;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0) return 'unsatisfiable';
    return [Math.max(0, size - suffix), size - 1];
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return [start, end];
}
