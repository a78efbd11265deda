// downloadVideo: streams a finished video to a file (never buffering it whole), reporting progress and
// honouring an AbortSignal. The bytes go to a fresh temporary file (created exclusively, so nothing
// already there is written through) that takes the final name only once complete: by a hard link, which
// fails rather than replace anything, unless `overwrite` allows replacing a regular file. What is at the
// destination is checked first (destination.ts). Video URLs are public links, so the API key is never
// sent with the download; a failure of the transfer is a ConnectionError, like any other network failure.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { link, mkdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { APIError, ConnectionError, InputValidationError } from '../errors';
import type { Task } from '../responses';
import { isTaskId } from '../tasks';
import { getVideoUrls } from '../video-urls';
import {
  assertReplaceable,
  type DestinationOptions,
  isFolderDestination,
  isSafeFileName,
} from './destination';

export interface DownloadProgress {
  bytes: number;
  /** From Content-Length, when the server sent it. */
  totalBytes: number | undefined;
  url: string;
}

export interface DownloadOptions extends DestinationOptions {
  onProgress?: (progress: DownloadProgress) => void;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

export interface DownloadResult {
  path: string;
  bytes: number;
  url: string;
}

/** The file name inside a folder: `<taskId>.mp4` (the id checked like user input) or the URL's own name. */
function fileNameFor(taskOrUrl: Task | string, url: string): string {
  if (typeof taskOrUrl !== 'string') {
    if (!isTaskId(taskOrUrl.id)) {
      throw new InputValidationError(
        'task.id',
        `${JSON.stringify(String(taskOrUrl.id).slice(0, 80))} is not a task id`,
      );
    }
    return `${taskOrUrl.id}.mp4`;
  }
  const name = new URL(url).pathname.split('/').pop() ?? '';
  return isSafeFileName(name) ? name : 'video.mp4';
}

/** Errors of the file system carry a syscall; anything else while streaming is the transfer failing. */
const isFileSystemError = (error: unknown) => typeof (error as { syscall?: unknown })?.syscall === 'string';

function transferFailed(url: string, error: unknown): ConnectionError {
  const cause = error as { message?: string; cause?: { code?: string; message?: string } };
  const reason = [cause?.message, cause?.cause?.code ?? cause?.cause?.message].filter(Boolean).join(': ');
  return new ConnectionError(`Downloading ${url} failed (${reason || 'connection lost'})`, true, {
    cause: error,
  });
}

/**
 * Downloads the task's (first) video to `destination`: a file path, or a folder for `<taskId>.mp4` (one
 * that exists, ends with a separator or has no file extension; it is created when missing).
 */
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
  const folder = await isFolderDestination(destination);
  const path = folder ? join(destination, fileNameFor(taskOrUrl, url)) : destination;
  await assertReplaceable(path, options);
  await mkdir(dirname(path), { recursive: true });

  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, options.signal ? { signal: options.signal } : {});
  } catch (error) {
    throw options.signal?.aborted ? options.signal.reason : transferFailed(url, error);
  }
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
  const partial = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.part`);
  try {
    const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
    await pipeline(
      body,
      counter,
      createWriteStream(partial, { flags: 'wx' }),
      options.signal ? { signal: options.signal } : {},
    );
    await commit(partial, path, options);
  } catch (error) {
    await unlink(partial).catch(() => undefined);
    if (options.signal?.aborted) throw options.signal.reason;
    if (error instanceof InputValidationError || isFileSystemError(error)) throw error;
    throw transferFailed(url, error);
  }
  return { path, bytes, url };
}

/** Gives the complete file its name: never over anything but a regular file, and that only with overwrite. */
async function commit(partial: string, path: string, options: DestinationOptions): Promise<void> {
  await assertReplaceable(path, options);
  if (options.overwrite) {
    await rename(partial, path);
    return;
  }
  try {
    // A link fails if anything appeared at `path` meanwhile; rename would replace it.
    await link(partial, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') await assertReplaceable(path, options);
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(code ?? '')) throw error;
    // A file system without hard links: the check above is the best it allows.
    await rename(partial, path);
    return;
  }
  await unlink(partial);
}
