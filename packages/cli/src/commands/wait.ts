import { expectPositionals } from '../args';
import type { Command } from '../command';
import { checkOut, FORCE_FLAG, waitForTask } from '../task-flow';
import { finishedTask, saveTarget, TIMEOUT_FLAG, timeoutSeconds } from './finish';

export const wait: Command = {
  name: 'wait',
  args: '<id>',
  summary: 'Wait until a task finishes, with progress; --out to download the MP4',
  flags: {
    out: { type: 'string', value: '<file|dir>', description: 'Download the video there when done' },
    force: FORCE_FLAG,
    timeout: TIMEOUT_FLAG,
  },
  examples: ['aivideomaker wait ckabc123 --out videos/', 'aivideomaker wait ckabc123 --timeout 600 --json'],
  async run(context, parsed) {
    const [taskId = ''] = expectPositionals(parsed, ['id'], 'wait');
    const timeout = timeoutSeconds(parsed.values, 'wait');
    const out = saveTarget(parsed.values);
    // Before waiting (maybe many minutes): a destination that cannot work is reported now.
    if (out) await checkOut(context, out, taskId);
    const started = Date.now();
    const task = await waitForTask(context, context.client(), taskId, timeout);
    await finishedTask(context, taskId, task, { out, started });
  },
};
