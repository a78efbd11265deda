// The output of a completed task is undocumented. getVideoUrls finds the video URLs in any reasonable
// shape: a string, { video }, { url }, { videoUrl }, arrays of these, or one level of wrapping.
import type { Task } from './responses';

const SKIPPED_KEYS = /thumb|poster|cover|image|preview|avatar|frame/i;
const MAX_DEPTH = 4;

function isHttpUrl(value: string): boolean {
  return /^https?:\/\/\S+$/i.test(value) && URL.canParse(value);
}

function collect(value: unknown, depth: number, found: Set<string>): void {
  if (depth > MAX_DEPTH || value === null || value === undefined) return;
  if (typeof value === 'string') {
    if (isHttpUrl(value)) found.add(value);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) collect(item, depth + 1, found);
    return;
  }
  if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!SKIPPED_KEYS.test(key)) collect(item, depth + 1, found);
    }
  }
}

/** Video URLs of a task (or of a raw `output` value), in the order found, without duplicates. */
export function getVideoUrls(taskOrOutput: Task | unknown): string[] {
  const output =
    taskOrOutput !== null &&
    typeof taskOrOutput === 'object' &&
    'id' in taskOrOutput &&
    'status' in taskOrOutput
      ? (taskOrOutput as Task).output
      : taskOrOutput;
  const found = new Set<string>();
  collect(output, 0, found);
  return [...found];
}
