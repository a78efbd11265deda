// What a demo scenario is, and the helpers they share: saving a finished video under out/ with a
// readable name, and turning a finished task into a summary row.
import { mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Task, TaskUpdate } from '@aivideomaker/core';
import { downloadVideo } from '@aivideomaker/core/node';
import type { DemoEnvironment } from './environment.ts';
import type { Ui } from './ui.ts';

export const DEMO_DIR = join(import.meta.dirname, '..');
export const OUT_DIR = join(DEMO_DIR, 'out');
export const REPO_DIR = join(DEMO_DIR, '..', '..');

export interface VideoRow {
  integration: string;
  taskId: string;
  model: string;
  status: string;
  credits: number;
  seconds: number;
  file: string;
}

export interface ScenarioContext {
  env: DemoEnvironment;
  ui: Ui;
}

export interface Scenario {
  name: string;
  title: string;
  /** The generations the scenario will pay for, so the total can be shown (and confirmed) up front. */
  plannedCredits: number;
  run(context: ScenarioContext): Promise<VideoRow[]>;
}

/** An onUpdate callback that shows each status change of a task on the progress line. */
export function showProgress(ui: Ui, label: string): (update: TaskUpdate) => void {
  return (update) => ui.progress(label, `${update.status} (task ${update.taskId})`);
}

/** Downloads the task's video to out/<integration>-<model>-<taskId>.mp4 and returns its summary row. */
export async function saveVideo(
  context: ScenarioContext,
  row: { integration: string; model: string; credits: number; startedAt: number },
  task: Task,
): Promise<VideoRow> {
  await mkdir(OUT_DIR, { recursive: true });
  const slug = row.integration.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const target = join(OUT_DIR, `${slug}-${row.model}-${task.id}.mp4`);
  const saved = await downloadVideo(task, target);
  const file = relative(REPO_DIR, saved.path);
  context.ui.done(`${row.model} ${task.id} ${task.status}: ${file} (${saved.bytes} bytes)`);
  return {
    integration: row.integration,
    taskId: task.id,
    model: row.model,
    status: task.status,
    credits: row.credits,
    seconds: (Date.now() - row.startedAt) / 1000,
    file,
  };
}
