// The small task commands: one request each, no waiting.
import { TASK_STATUSES } from '@aivideomaker/core/internal';
import { expectPositionals, numberFlag } from '../args';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { taskJson, taskLines, taskTable } from '../task-view';

export const status: Command = {
  name: 'status',
  args: '<id>',
  summary: "Show a task's status (one cheap request; use it to check on long work)",
  flags: {},
  examples: ['aivideomaker status ckabc123'],
  async run(context, parsed) {
    const [taskId = ''] = expectPositionals(parsed, ['id'], 'status');
    const result = await context.client().tasks.status(taskId);
    context.print({ taskId, status: result.status }, `${taskId}: ${result.status}`);
  },
};

export const get: Command = {
  name: 'get',
  args: '<id>',
  summary: 'Show a task in full: model, input, status, times, video URLs',
  flags: {},
  examples: ['aivideomaker get ckabc123 --json'],
  async run(context, parsed) {
    const [taskId = ''] = expectPositionals(parsed, ['id'], 'get');
    const task = await context.client().tasks.get(taskId);
    context.print(taskJson(task), taskLines(task));
  },
};

export const cancel: Command = {
  name: 'cancel',
  args: '<id>',
  summary: 'Cancel a task that has not started yet (its credits are refunded)',
  flags: {},
  examples: ['aivideomaker cancel ckabc123'],
  async run(context, parsed) {
    const [taskId = ''] = expectPositionals(parsed, ['id'], 'cancel');
    const result = await context.client().tasks.cancel(taskId);
    const message = result.message ?? undefined;
    context.print(
      { taskId, status: result.status, ...(message ? { message } : {}) },
      `Task ${taskId}: ${result.status}${message ? ` (${message})` : ''}`,
    );
  },
};

export const list: Command = {
  name: 'list',
  args: '',
  summary: 'List your tasks, newest first',
  flags: {
    limit: { type: 'string', value: '<n>', description: 'Show at most n tasks (default 20; 0 for all)' },
    status: {
      type: 'string',
      value: '<status>',
      description: `Only tasks in this status (${TASK_STATUSES.join(', ')})`,
    },
  },
  examples: ['aivideomaker list', 'aivideomaker list --status PROGRESS --json'],
  async run(context, parsed) {
    expectPositionals(parsed, [], 'list');
    const limit = numberFlag(parsed.values, 'limit', 'list', { integer: true }) ?? 20;
    const wanted = parsed.values.status as string | undefined;
    if (wanted !== undefined && !(TASK_STATUSES as readonly string[]).includes(wanted)) {
      throw new UsageError(`--status must be one of ${TASK_STATUSES.join(', ')} (got "${wanted}")`, 'list');
    }
    const tasks = (await context.client().tasks.list()).filter((task) => !wanted || task.status === wanted);
    const shown = limit === 0 ? tasks : tasks.slice(0, limit);
    const more = tasks.length - shown.length;
    context.print({ tasks: shown.map(taskJson), total: tasks.length }, [
      ...taskTable(shown),
      ...(more > 0 ? [`... and ${more} more (--limit 0 shows all)`] : []),
    ]);
  },
};
