// Image inputs (URL, bytes, Blob, local file) and video downloads.
import { mkdir, mkdtemp, readFile, rm, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from '@aivideomaker/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getVideoUrls, InputValidationError, toImageInput } from '../src/index';
import { sniffImageType } from '../src/media';
import { downloadVideo, imageFromPath } from '../src/node/index';
import { clientFor, emulator, PNG_BYTES, PNG_DATA_URL, T2V } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aivm-core-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const bytes = (...values: number[]) => Uint8Array.from([...values, ...new Array(16).fill(0)]);

describe('image inputs', () => {
  it('sniffs PNG, JPEG, WebP and GIF from magic bytes, and nothing else', () => {
    expect(sniffImageType(PNG_BYTES)).toBe('image/png');
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffImageType(bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50))).toBe(
      'image/webp',
    );
    expect(sniffImageType(bytes(0x47, 0x49, 0x46, 0x38, 0x39, 0x61))).toBe('image/gif');
    expect(
      sniffImageType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')),
    ).toBeUndefined();
  });

  it('turns bytes and Blobs into data URLs, refusing other types and oversized input', async () => {
    expect(await toImageInput(PNG_BYTES)).toBe(PNG_DATA_URL);
    expect(await toImageInput(new Blob([PNG_BYTES]))).toBe(PNG_DATA_URL);
    expect(await toImageInput(PNG_BYTES.buffer as ArrayBuffer)).toBe(PNG_DATA_URL);
    expect(await toImageInput('https://example.com/cat.png')).toBe('https://example.com/cat.png');
    await expect(toImageInput(new TextEncoder().encode('%PDF-1.7'))).rejects.toThrow(
      /not a PNG, JPEG, WebP or GIF/,
    );
    await expect(toImageInput(PNG_BYTES, { maxBytes: 10 })).rejects.toThrow(/more than the 10-byte limit/);
    await expect(toImageInput(new Blob([new Uint8Array(11 * 1024 * 1024)]))).rejects.toBeInstanceOf(
      InputValidationError,
    );
    await expect(toImageInput('data:image/png;base64,JVBERi0xLjc=')).rejects.toThrow(/does not hold a PNG/);
    await expect(toImageInput('ftp://example.com/a.png')).rejects.toMatchObject({ field: 'image' });
  });

  it('a malformed base64 data URL is an InputValidationError before any request, never a DOMException', async () => {
    const emu = await emulator();
    try {
      const client = clientFor(emu);
      for (const image of [
        'data:image/png;base64,iVBORw0KG',
        'data:image/png;base64,iVBO=w0KGgo=',
        'data:image/png;base64,a',
      ]) {
        await expect(toImageInput(image), image).rejects.toBeInstanceOf(InputValidationError);
        const error = await client
          .generate('i2v', { image, duration: '5' })
          .catch((caught: unknown) => caught);
        expect(error, image).toMatchObject({ code: 'invalid_input', field: 'image' });
      }
      expect(emu.requests).toHaveLength(0);
    } finally {
      await emu.close();
    }
  });

  it('large bytes encode correctly', async () => {
    const big = new Uint8Array(200_003);
    big.set(PNG_BYTES);
    for (let i = PNG_BYTES.length; i < big.length; i++) big[i] = i % 251;
    const url = await toImageInput(big);
    expect(Buffer.from(url.split(',')[1] as string, 'base64').equals(Buffer.from(big))).toBe(true);
  });

  it('reads a local image inside the allowed roots, refusing escapes by symlink or ..', async () => {
    const roots = [join(dir, 'allowed')];
    await writeFile(join(dir, 'outside.png'), PNG_BYTES);
    await mkdir(roots[0] as string);
    await writeFile(join(dir, 'allowed', 'cat.png'), PNG_BYTES);
    await symlink(join(dir, 'outside.png'), join(dir, 'allowed', 'link.png'));
    expect(await imageFromPath(join(dir, 'allowed', 'cat.png'), { roots })).toBe(PNG_DATA_URL);
    await expect(imageFromPath(join(dir, 'allowed', 'link.png'), { roots })).rejects.toThrow(
      /outside the folders/,
    );
    await expect(imageFromPath(join(dir, 'allowed', '..', 'outside.png'), { roots })).rejects.toThrow(
      /outside the folders/,
    );
    await expect(imageFromPath(join(dir, 'allowed', 'missing.png'), { roots })).rejects.toThrow(
      /no readable file/,
    );
  });

  it('refuses a too-large file by its size, without reading it', async () => {
    const huge = join(dir, 'huge.png');
    await writeFile(huge, PNG_BYTES);
    await truncate(huge, 64 * 1024 * 1024 * 1024); // sparse: 64 GiB would not fit in memory
    await expect(imageFromPath(huge)).rejects.toThrow(/more than the 10485760-byte limit/);
  });
});

describe('downloadVideo', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await emulator();
  });
  afterAll(() => emu.close());

  it('streams the finished video to a file, with progress', async () => {
    const client = clientFor(emu);
    const task = await client.run('t2v', T2V);
    expect(getVideoUrls(task)).toEqual([`${emu.url}/files/${task.id}.mp4`]);
    const progress: number[] = [];
    const result = await downloadVideo(task, dir, { onProgress: (p) => progress.push(p.bytes) });
    expect(result.path).toBe(join(dir, `${task.id}.mp4`));
    const file = await readFile(result.path);
    expect(file.subarray(4, 8).toString()).toBe('ftyp');
    expect((await stat(result.path)).size).toBe(result.bytes);
    expect(progress.at(-1)).toBe(result.bytes);
    const fileRequests = emu.requests.filter((r) => r.path.startsWith('/files/'));
    expect(fileRequests.every((r) => r.headers.key === undefined)).toBe(true);
  });

  it('stops at once on abort and leaves no partial file', async () => {
    const client = clientFor(emu);
    const task = await client.run('t2v', T2V);
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    const target = join(dir, 'aborted.mp4');
    await expect(downloadVideo(task, target, { signal: controller.signal })).rejects.toThrow('cancelled');
    await expect(stat(target)).rejects.toThrow();
    await expect(stat(`${target}.part`)).rejects.toThrow();
    await expect(downloadVideo({ id: 'x', status: 'PROGRESS' }, dir)).rejects.toThrow(/has no video URL yet/);
  });
});

describe('getVideoUrls', () => {
  it('finds URLs in any reasonable output shape', () => {
    const url = 'https://cdn.example/v.mp4';
    expect(getVideoUrls(url)).toEqual([url]);
    for (const output of [
      { video: url },
      { url },
      { videoUrl: url },
      { video_url: url },
      [{ url }],
      { videos: [url] },
      { data: { video: { url } } },
    ]) {
      expect(getVideoUrls({ id: 't', status: 'COMPLETED', output })).toEqual([url]);
    }
    expect(
      getVideoUrls({
        id: 't',
        status: 'COMPLETED',
        output: { video: url, thumbnail: 'https://cdn.example/t.jpg' },
      }),
    ).toEqual([url]);
    expect(getVideoUrls({ id: 't', status: 'PROGRESS', output: null })).toEqual([]);
    expect(getVideoUrls({ id: 't', status: 'COMPLETED', output: { note: 'not a url' } })).toEqual([]);
  });
});
