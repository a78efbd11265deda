// Waiting for a task and downloading its video, with the live progress display: shared by
// `generate --wait`, `wait` and `download`.

import { mkdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { AIVideoMaker, Task } from '@aivideomaker/core';
import { downloadVideo } from '@aivideomaker/core/node';
import type { CommandContext } from './command';
import { createProgress } from './progress';

/** Default wait: under OpenClaw's 30-minute exec timeout, so an agent gets our resume hint, not a kill. */
export const DEFAULT_TIMEOUT_SECONDS = 1500;

export async function waitForTask(
  context: CommandContext,
  client: AIVideoMaker,
  taskId: string,
  timeoutSeconds: number,
): Promise<Task> {
  const progress = createProgress(context.io.stderr, `task ${taskId}`, { quiet: context.quiet });
  try {
    return await client.tasks.wait(taskId, {
      timeoutMs: timeoutSeconds * 1000,
      onUpdate: (task) => progress.status(String(task.status)),
      ...(context.io.signal ? { signal: context.io.signal } : {}),
    });
  } finally {
    progress.stop();
  }
}

export interface SavedVideo {
  file: string;
  bytes: number;
}

/** `--out` is a file, or a directory (existing, or written with a trailing slash) for `<taskId>.mp4`. */
async function resolveOut(out: string, cwd: string, taskId: string): Promise<string> {
  const path = resolve(cwd, out);
  const isDirectory = /[\\/]$/.test(out) || (await stat(path).catch(() => undefined))?.isDirectory();
  return isDirectory ? join(path, `${taskId}.mp4`) : path;
}

export async function saveVideo(context: CommandContext, task: Task, out: string): Promise<SavedVideo> {
  const file = await resolveOut(out, context.io.cwd, task.id);
  await mkdir(dirname(file), { recursive: true });
  const progress = createProgress(context.io.stderr, `task ${task.id}`, {
    quiet: context.quiet,
    initial: 'downloading',
  });
  try {
    const saved = await downloadVideo(task, file, {
      onProgress: ({ bytes, totalBytes }) => progress.download(bytes, totalBytes),
      ...(context.io.signal ? { signal: context.io.signal } : {}),
    });
    return { file: saved.path, bytes: saved.bytes };
  } finally {
    progress.stop();
  }
}
