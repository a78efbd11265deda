// How a task reads: as a JSON object for scripts (stable field names) and as lines for people.
import { getVideoUrls, type Task } from '@aivideomaker/core';

export function taskJson(task: Task): Record<string, unknown> {
  return {
    taskId: task.id,
    model: task.model ?? null,
    status: task.status,
    createdAt: task.createdAt ?? null,
    completedAt: task.completedAt ?? null,
    videoUrls: getVideoUrls(task),
    input: task.input ?? null,
    output: task.output ?? null,
  };
}

export function taskLines(task: Task): string[] {
  const rows: [string, unknown][] = [
    ['model', task.model],
    ['created', task.createdAt],
    ['completed', task.completedAt],
    ...Object.entries(task.input ?? {}),
    ...getVideoUrls(task).map((url): [string, string] => ['video', url]),
  ];
  const shown = rows.filter(([, value]) => value !== undefined && value !== null);
  return [
    `Task ${task.id}: ${task.status}`,
    ...shown.map(([label, value]) => `  ${`${label}:`.padEnd(13)}${inputText(value)}`),
  ];
}

function inputText(value: unknown): string {
  if (typeof value === 'string')
    return value.startsWith('data:') ? `${value.slice(0, 40)}... (inline image)` : value;
  return JSON.stringify(value);
}

/** One line per task, aligned, newest first (as the API returns them). */
export function taskTable(tasks: Task[]): string[] {
  if (tasks.length === 0) return ['No tasks yet.'];
  const rows = tasks.map((task) => [
    task.id,
    String(task.model ?? '-'),
    String(task.status),
    task.createdAt ?? '-',
    getVideoUrls(task)[0] ?? '',
  ]);
  const header = ['ID', 'MODEL', 'STATUS', 'CREATED', 'VIDEO'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  return [header, ...rows].map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}
