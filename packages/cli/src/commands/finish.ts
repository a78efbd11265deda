// The end of every command that waits or downloads: the summary, the saved file and the final
// `MEDIA: <absolute path>` line that OpenClaw agents repeat to attach the video.
import { getVideoUrls, outputMessage, type Task } from '@aivideomaker/core';
import { expiryNote } from '@aivideomaker/core/internal';
import { type FlagSpec, type FlagValues, numberFlag } from '../args';
import type { CommandContext } from '../command';
import { formatBytes, formatElapsed } from '../format';
import { DEFAULT_TIMEOUT_SECONDS, type SaveTarget, saveVideo } from '../task-flow';
import { taskJson } from '../task-view';

export const TIMEOUT_FLAG: FlagSpec = {
  type: 'string',
  value: '<seconds>',
  description: `Stop waiting after this long; the task keeps running (default ${DEFAULT_TIMEOUT_SECONDS})`,
};

/** --out and --force as a save target, or undefined without --out (`fallback`: download's ./). */
export function saveTarget(values: FlagValues, fallback?: string): SaveTarget | undefined {
  const out = (values.out as string | undefined) ?? fallback;
  return out === undefined ? undefined : { out, force: values.force === true };
}

export function timeoutSeconds(values: FlagValues, command: string): number {
  return numberFlag(values, 'timeout', command, { positive: true }) ?? DEFAULT_TIMEOUT_SECONDS;
}

export interface FinishOptions {
  /** Where to save the video (--out, --force), if anywhere. */
  out?: SaveTarget | undefined;
  credits?: number;
  /** When waiting started, for the elapsed time in the summary. */
  started?: number;
}

/** `taskId` is the id the user asked for (or generate returned): it names the saved file. */
export async function finishedTask(
  context: CommandContext,
  taskId: string,
  task: Task,
  options: FinishOptions,
): Promise<void> {
  const saved = options.out === undefined ? undefined : await saveVideo(context, taskId, task, options.out);
  const json = {
    ...taskJson(task),
    ...(options.credits === undefined ? {} : { credits: options.credits }),
    ...(saved ? { file: saved.file, bytes: saved.bytes } : {}),
  };
  const facts = [task.model, options.credits === undefined ? undefined : `${options.credits} credits`].filter(
    Boolean,
  );
  const took = options.started === undefined ? '' : ` in ${formatElapsed(Date.now() - options.started)}`;
  const urls = getVideoUrls(task);
  // Unsaved, the file lives only at a URL that expires: say so, and how to keep it.
  const expires =
    urls.length > 0 && !saved
      ? [outputMessage(task), expiryNote(`run \`aivideomaker download ${task.id}\` (or pass --out)`)]
      : [];
  const lines = [
    `Task ${task.id} ${task.status}${took}${facts.length ? ` (${facts.join(', ')})` : ''}`,
    ...urls.map((url) => `  video: ${url}`),
    ...expires.filter(Boolean).map((line) => `  ${line}`),
    ...(saved ? [`  saved: ${saved.file} (${formatBytes(saved.bytes)})`, `MEDIA: ${saved.file}`] : []),
  ];
  context.print(expires.length ? { ...json, expires: expires.filter(Boolean).join(' ') } : json, lines);
}
