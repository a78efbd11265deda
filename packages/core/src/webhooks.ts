// Webhook receiver for any runtime with Request/Response (Next.js, Hono, Bun, Deno, Workers; Node via
// the node subpath). The payload is only a hint: the task id is taken from it and the task's real state
// is confirmed with an authenticated request before onTask runs, so a forged webhook can change nothing.
// Confirmations are coalesced and held to a fixed share of the rate limit (webhook-confirm.ts), so even
// a flood of forged hints cannot spend the limit; the token option is what keeps forgeries out entirely.
// A SUBMITTED/PROGRESS hint is acknowledged without a confirmation unless `progress` asks for it, because
// the terminal webhook (or a poll) confirms the end anyway. Duplicates are harmless (each confirmed state
// is delivered once); a wrong token or garbage gets a 4xx, an unknown task 404.
import type { AIVideoMaker } from './client';
import { NotFoundError } from './errors';
import type { Task } from './responses';
import { isTaskId } from './tasks';
import { confirmerOf, hintTask } from './webhook-confirm';

export interface WebhookHandlerOptions {
  client: AIVideoMaker;
  /**
   * Called once per confirmed task state (fetched with the API key, never taken from the payload).
   * By default only hints of an end state (COMPLETED, FAILED, CANCEL, or no readable status) are
   * confirmed, so this normally sees each task's end state; it can also see an unfinished state when
   * the API does not confirm an end hint (an early or forged one). Always check `task.status`.
   */
  onTask: (task: Task) => void | Promise<void>;
  /**
   * When set, the webhook URL must carry ?token=<token> (or an x-webhook-token header). This is the real
   * protection: without it anyone who finds the URL can post hints, which cost nothing but can still use
   * the confirmation share of the rate limit (a quarter) and push real confirmations back.
   */
  token?: string;
  /** Largest accepted body (default 64 KiB). */
  maxBodyBytes?: number;
  /**
   * Also confirm SUBMITTED/PROGRESS hints and pass those states to onTask (default false: they are
   * answered 202 without a request). Confirmations are coalesced but still count against the rate limit.
   */
  progress?: boolean;
}

export type WebhookHandler = (request: Request) => Promise<Response>;

const REMEMBERED_STATES = 1000;
/** Hints of these states are not confirmed by default: the task is not done, nobody needs them. */
const UNFINISHED = new Set(['SUBMITTED', 'PROGRESS']);

interface Hint {
  taskId: string;
  /** The status the payload claims (unverified). */
  status: string | undefined;
}

/** Adds the handler's token to the URL you pass as `webhookUrl`. */
export function withWebhookToken(url: string, token: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('token', token);
  return parsed.href;
}

function reply(status: number, body: Record<string, unknown>): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** Compares without an early exit, so the time taken does not reveal how much of the token matched. */
function sameToken(given: string | null, expected: string): boolean {
  if (given === null) return false;
  let difference = given.length ^ expected.length;
  for (let index = 0; index < expected.length; index++) {
    difference |= (given.charCodeAt(index) || 0) ^ expected.charCodeAt(index);
  }
  return difference === 0;
}

/** The body as text, or undefined past maxBytes: streamed, so a chunked body is never buffered past the cap. */
async function readBody(request: Request, maxBytes: number): Promise<string | undefined> {
  if (Number(request.headers.get('content-length') ?? '0') > maxBytes) return undefined;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function hintOf(text: string): Hint | undefined {
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (payload === null || typeof payload !== 'object') return undefined;
  const { taskId, id, status } = payload as { taskId?: unknown; id?: unknown; status?: unknown };
  const candidate = typeof taskId === 'string' ? taskId : id;
  if (!isTaskId(candidate)) return undefined;
  return { taskId: candidate, status: typeof status === 'string' ? status : undefined };
}

export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  const { client, onTask, token, progress = false } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const confirmer = confirmerOf(client);
  const delivered = new Set<string>();
  const inFlight = new Set<string>();

  return async (request) => {
    if (request.method !== 'POST') return reply(405, { ok: false, error: 'Use POST' });
    if (token !== undefined) {
      const given = new URL(request.url).searchParams.get('token') ?? request.headers.get('x-webhook-token');
      if (!sameToken(given, token)) return reply(401, { ok: false, error: 'Invalid webhook token' });
    }
    const text = await readBody(request, maxBodyBytes);
    if (text === undefined) return reply(413, { ok: false, error: 'Body too large' });
    const hint = hintOf(text);
    if (!hint) return reply(400, { ok: false, error: 'Expected a JSON body with a taskId' });
    // Only a sender that knows the token may slow the watcher's polling of a task, never change a state.
    if (token !== undefined) hintTask(client, hint.taskId);
    if (!progress && hint.status !== undefined && UNFINISHED.has(hint.status)) {
      return reply(202, { ok: true, taskId: hint.taskId, confirmed: false });
    }

    let task: Task;
    try {
      // Confirmed tasks also reach the client's waits (the confirmer feeds its watcher).
      task = await confirmer.confirm(hint.taskId);
    } catch (error) {
      if (error instanceof NotFoundError) return reply(404, { ok: false, error: 'Unknown task' });
      // The API could not confirm it now: ask the sender to retry later.
      return reply(503, { ok: false, error: 'Could not confirm the task; retry later' });
    }
    const state = `${task.id}:${task.status}`;
    if (delivered.has(state) || inFlight.has(state)) {
      return reply(200, { ok: true, taskId: task.id, status: task.status, duplicate: true });
    }
    inFlight.add(state);
    try {
      await onTask(task);
    } catch {
      return reply(500, { ok: false, error: 'onTask failed; retry later' });
    } finally {
      inFlight.delete(state);
    }
    delivered.add(state);
    if (delivered.size > REMEMBERED_STATES) delivered.delete(delivered.values().next().value as string);
    return reply(200, { ok: true, taskId: task.id, status: task.status });
  };
}
