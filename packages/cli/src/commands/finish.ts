// The end of every command that waits or downloads: the summary, the saved file and the final
// `MEDIA: <absolute path>` line that OpenClaw agents repeat to attach the video.
import { getVideoUrls, type Task } from '@aivideomaker/core';
import { type FlagSpec, type FlagValues, numberFlag } from '../args';
import type { CommandContext } from '../command';
import { formatBytes, formatElapsed } from '../format';
import { DEFAULT_TIMEOUT_SECONDS, saveVideo } from '../task-flow';
import { taskJson } from '../task-view';

export const TIMEOUT_FLAG: FlagSpec = {
  type: 'string',
  value: '<seconds>',
  description: `Stop waiting after this long; the task keeps running (default ${DEFAULT_TIMEOUT_SECONDS})`,
};

export function timeoutSeconds(values: FlagValues, command: string): number {
  return numberFlag(values, 'timeout', command, { positive: true }) ?? DEFAULT_TIMEOUT_SECONDS;
}

export interface FinishOptions {
  out?: string | undefined;
  credits?: number;
  /** When waiting started, for the elapsed time in the summary. */
  started?: number;
}

export async function finishedTask(
  context: CommandContext,
  task: Task,
  options: FinishOptions,
): Promise<void> {
  const saved = options.out === undefined ? undefined : await saveVideo(context, task, options.out);
  const json = {
    ...taskJson(task),
    ...(options.credits === undefined ? {} : { credits: options.credits }),
    ...(saved ? { file: saved.file, bytes: saved.bytes } : {}),
  };
  const facts = [task.model, options.credits === undefined ? undefined : `${options.credits} credits`].filter(
    Boolean,
  );
  const took = options.started === undefined ? '' : ` in ${formatElapsed(Date.now() - options.started)}`;
  const lines = [
    `Task ${task.id} ${task.status}${took}${facts.length ? ` (${facts.join(', ')})` : ''}`,
    ...getVideoUrls(task).map((url) => `  video: ${url}`),
    ...(saved ? [`  saved: ${saved.file} (${formatBytes(saved.bytes)})`, `MEDIA: ${saved.file}`] : []),
  ];
  context.print(json, lines);
}
