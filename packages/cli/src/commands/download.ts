import { isTerminalStatus } from '@aivideomaker/core';
import { expectPositionals } from '../args';
import type { Command } from '../command';
import { CliError } from '../errors';
import { EXIT } from '../exit-codes';
import { checkOut, FORCE_FLAG } from '../task-flow';
import { finishedTask, saveTarget } from './finish';

export const download: Command = {
  name: 'download',
  args: '<id>',
  summary: "Download a finished task's MP4 (to the current folder unless --out)",
  flags: {
    out: { type: 'string', value: '<file|dir>', description: 'Where to save it (default: ./<id>.mp4)' },
    force: FORCE_FLAG,
  },
  examples: ['aivideomaker download ckabc123', 'aivideomaker download ckabc123 --out ~/Videos/boat.mp4'],
  async run(context, parsed) {
    const [taskId = ''] = expectPositionals(parsed, ['id'], 'download');
    const out = saveTarget(parsed.values, './') as NonNullable<ReturnType<typeof saveTarget>>;
    await checkOut(context, out, taskId);
    const task = await context.client().tasks.get(taskId);
    if (task.status !== 'COMPLETED') {
      const finished = isTerminalStatus(task.status);
      throw new CliError(
        finished
          ? `Task ${taskId} ended ${task.status}: there is no video to download.`
          : `Task ${taskId} is still ${task.status}. Wait for it and download: aivideomaker wait ${taskId} --out videos/`,
        finished ? EXIT.taskFailed : EXIT.timeout,
        finished ? 'task_not_completed' : 'task_not_finished',
        { taskId, status: task.status },
      );
    }
    await finishedTask(context, taskId, task, { out });
  },
};
