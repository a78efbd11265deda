// Output URLs may expire: the live service keeps a finished file 24 hours (its `output.msg` says so).
// Wherever a video URL is handed over, this note goes with it, with how to keep the file.
import type { Task } from './responses';

export const OUTPUT_RETENTION_HOURS = 24;

/** The server's own retention message (a finished task's `output.msg` on the live service), if any. */
export function outputMessage(task: Task | undefined): string | undefined {
  const output = task?.output;
  const msg = output !== null && typeof output === 'object' ? (output as { msg?: unknown }).msg : undefined;
  return typeof msg === 'string' && msg.trim() ? msg.trim() : undefined;
}

/** "The video URL expires (24 h on the live service): <how> to keep it." */
export function expiryNote(how: string): string {
  return `The video URL expires (${OUTPUT_RETENTION_HOURS} h on the live service): ${how} to keep the file.`;
}
