// downloadVideo: streams a finished video to a file (never buffering it whole), reporting progress and
// honouring an AbortSignal. The file appears under its final name only once complete. Video URLs are
// public links, so the API key is never sent with the download.
import { createWriteStream } from 'node:fs';
import { rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { APIError, InputValidationError } from '../errors';
import type { Task } from '../responses';
import { getVideoUrls } from '../video-urls';

export interface DownloadProgress {
  bytes: number;
  /** From Content-Length, when the server sent it. */
  totalBytes: number | undefined;
  url: string;
}

export interface DownloadOptions {
  onProgress?: (progress: DownloadProgress) => void;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

export interface DownloadResult {
  path: string;
  bytes: number;
  url: string;
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

/** Downloads the task's (first) video to `destination`: a file path, or a folder to put <taskId>.mp4 in. */
export async function downloadVideo(
  taskOrUrl: Task | string,
  destination: string,
  options: DownloadOptions = {},
): Promise<DownloadResult> {
  const url = typeof taskOrUrl === 'string' ? taskOrUrl : getVideoUrls(taskOrUrl)[0];
  if (!url) {
    const status = typeof taskOrUrl === 'string' ? '' : ` (task ${taskOrUrl.id} is ${taskOrUrl.status})`;
    throw new InputValidationError('task', `has no video URL yet${status}`);
  }
  const name =
    typeof taskOrUrl === 'string'
      ? new URL(url).pathname.split('/').pop() || 'video.mp4'
      : `${taskOrUrl.id}.mp4`;
  const path = (await isDirectory(destination)) ? join(destination, name) : destination;
  const response = await (options.fetch ?? fetch)(url, options.signal ? { signal: options.signal } : {});
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new APIError('api_error', `Downloading ${url} failed with HTTP ${response.status}`, {
      status: response.status,
      method: 'GET',
      path: new URL(url).pathname,
    });
  }
  const totalBytes = Number(response.headers.get('content-length')) || undefined;
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      options.onProgress?.({ bytes, totalBytes, url });
      done(null, chunk);
    },
  });
  const partial = `${path}.part`;
  try {
    const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
    await pipeline(
      body,
      counter,
      createWriteStream(partial),
      options.signal ? { signal: options.signal } : {},
    );
    await rename(partial, path);
  } catch (error) {
    await unlink(partial).catch(() => undefined);
    throw options.signal?.aborted ? options.signal.reason : error;
  }
  return { path, bytes, url };
}
