// The one rule for task ids, applied to the user's and the server's alike. Ids (like "ckxxxxxxxx") are
// opaque but URL-safe: anything else (a slash, a space, a NUL) is a mistake or a hostile answer, and so
// is a dot segment ('.', '..'), which URL parsing would collapse into another endpoint and a file
// system would take as a folder.
const TASK_ID = /^[A-Za-z0-9._~-]{1,128}$/;

/** Whether a value can be a task id (also how a webhook payload's or a server answer's id is screened). */
export function isTaskId(taskId: unknown): taskId is string {
  return typeof taskId === 'string' && TASK_ID.test(taskId) && !/^\.{1,2}$/.test(taskId);
}
