// Waiting for a task and downloading its video, with the live progress display: shared by
// `generate --wait`, `wait` and `download`. The destination is checked before anything is spent, the file
// is named by the id the user asked for (never one a server made up), and every failure once a task
// exists says its id, so the work is never lost.

import { resolve, sep } from 'node:path';
import {
  type AIVideoMaker,
  DEFAULT_WAIT_TIMEOUT_MS,
  InputValidationError,
  isAbortError,
  type Task,
} from '@aivideomaker/core';
import { checkDestination, downloadVideo, isFolderDestination } from '@aivideomaker/core/node';
import type { CommandContext } from './command';
import { CliError } from './errors';
import { EXIT } from './exit-codes';
import { toCliError } from './exit-mapping';
import { createProgress } from './progress';

/** Core's one default wait (20 min), under OpenClaw's 30-minute exec timeout: an agent gets our resume hint, not a kill. */
export const DEFAULT_TIMEOUT_SECONDS = DEFAULT_WAIT_TIMEOUT_MS / 1000;

export const FORCE_FLAG = {
  type: 'boolean',
  description: 'Replace an existing file at --out (never a link, FIFO or device)',
} as const;

export interface SaveTarget {
  out: string;
  /** --force: replace an existing regular file. */
  force: boolean;
}

/** A destination problem as the CLI says it: names --out and --force, exit 2. */
function outError(error: unknown, taskId?: string): unknown {
  if (!(error instanceof InputValidationError) || error.field !== 'destination') return error;
  const message = `--out: ${error.detail.replace('overwrite: true (CLI: --force)', '--force')}`;
  return new CliError(message, EXIT.badInput, 'invalid_destination', taskId ? { taskId } : {});
}

/** Checks --out before any credit is spent: a folder that can be made, a file that is free (or --force). */
export async function checkOut(context: CommandContext, target: SaveTarget, taskId?: string): Promise<void> {
  // resolve() drops a trailing separator, which is what says "a folder".
  const path = `${resolve(context.io.cwd, target.out)}${/[\\/]$/.test(target.out) ? sep : ''}`;
  try {
    await checkDestination(path, {
      overwrite: target.force,
      ...(taskId ? { fileName: `${taskId}.mp4` } : {}),
    });
  } catch (error) {
    throw outError(error);
  }
}

/**
 * Runs `step` for a task that exists: any failure (a dropped connection, a full disk) is reported with
 * the task's id and how to pick it up again, in the text and in --json.
 */
export async function forTask<T>(
  context: CommandContext,
  taskId: string,
  step: () => Promise<T>,
): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (isAbortError(error) || context.io.signal?.aborted) {
      throw new CliError(
        `Interrupted. Task ${taskId} keeps running: aivideomaker wait ${taskId} --out videos/`,
        EXIT.interrupted,
        'interrupted',
        { taskId },
      );
    }
    const cli = toCliError(outError(error, taskId), context.io.env.AIVIDEOMAKER_BASE_URL);
    const named =
      cli.message.includes(`Task ${taskId}`) || cli.message.includes(`aivideomaker wait ${taskId}`);
    const resume = named
      ? ''
      : `\nTask ${taskId} exists: check it with \`aivideomaker status ${taskId}\`, download it with \`aivideomaker download ${taskId} --out videos/\`.`;
    return Promise.reject(
      new CliError(`${cli.message}${resume}`, cli.exitCode, cli.code, { ...cli.details, taskId }),
    );
  }
}

export async function waitForTask(
  context: CommandContext,
  client: AIVideoMaker,
  taskId: string,
  timeoutSeconds: number,
): Promise<Task> {
  const progress = createProgress(context.io.stderr, `task ${taskId}`, { quiet: context.quiet });
  try {
    return await forTask(context, taskId, () =>
      client.tasks.wait(taskId, {
        timeoutMs: timeoutSeconds * 1000,
        onUpdate: (task) => progress.status(String(task.status)),
        ...(context.io.signal ? { signal: context.io.signal } : {}),
      }),
    );
  } finally {
    progress.stop();
  }
}

export interface SavedVideo {
  file: string;
  bytes: number;
}

/** `--out` is a file, or a folder (existing, ending with `/`, or without an extension) for `<taskId>.mp4`. */
async function resolveOut(out: string, cwd: string, taskId: string): Promise<string> {
  const path = resolve(cwd, out);
  const folder = await isFolderDestination(/[\\/]$/.test(out) ? `${path}/` : path);
  return folder ? resolve(path, `${taskId}.mp4`) : path;
}

/** Saves the video of `task`, named by `taskId`: the id the user gave, or the one generate returned. */
export async function saveVideo(
  context: CommandContext,
  taskId: string,
  task: Task,
  target: SaveTarget,
): Promise<SavedVideo> {
  const progress = createProgress(context.io.stderr, `task ${taskId}`, {
    quiet: context.quiet,
    initial: 'downloading',
  });
  try {
    return await forTask(context, taskId, async () => {
      const file = await resolveOut(target.out, context.io.cwd, taskId);
      const saved = await downloadVideo(task, file, {
        overwrite: target.force,
        onProgress: ({ bytes, totalBytes }) => progress.download(bytes, totalBytes),
        ...(context.io.signal ? { signal: context.io.signal } : {}),
      });
      return { file: saved.path, bytes: saved.bytes };
    });
  } finally {
    progress.stop();
  }
}
