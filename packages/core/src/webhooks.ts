// Webhook receiver for any runtime with Request/Response (Next.js, Hono, Bun, Deno, Workers; Node via
// the node subpath). The payload is only a hint: the task id is taken from it and the task's real state
// is confirmed with an authenticated GET before onTask runs, so a forged webhook can change nothing.
// Duplicates are harmless (each confirmed state is delivered once); a wrong token or garbage gets a 4xx.
import type { AIVideoMaker } from './client';
import { NotFoundError } from './errors';
import type { Task } from './responses';

export interface WebhookHandlerOptions {
  client: AIVideoMaker;
  /** Called once per confirmed task state (fetched with the API key, never taken from the payload). */
  onTask: (task: Task) => void | Promise<void>;
  /** When set, the webhook URL must carry ?token=<token> (or an x-webhook-token header). */
  token?: string;
  /** Largest accepted body (default 64 KiB). */
  maxBodyBytes?: number;
}

export type WebhookHandler = (request: Request) => Promise<Response>;

const TASK_ID = /^[A-Za-z0-9_-]{1,128}$/;
const REMEMBERED_STATES = 1000;

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

async function readBody(request: Request, maxBytes: number): Promise<string | undefined> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) return undefined;
  const bytes = new Uint8Array(await request.arrayBuffer());
  return bytes.byteLength > maxBytes ? undefined : new TextDecoder().decode(bytes);
}

function taskIdOf(text: string): string | undefined {
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (payload === null || typeof payload !== 'object') return undefined;
  const { taskId, id } = payload as { taskId?: unknown; id?: unknown };
  const candidate = typeof taskId === 'string' ? taskId : id;
  return typeof candidate === 'string' && TASK_ID.test(candidate) ? candidate : undefined;
}

export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  const { client, onTask, token } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
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
    const taskId = taskIdOf(text);
    if (!taskId) return reply(400, { ok: false, error: 'Expected a JSON body with a taskId' });

    let task: Task;
    try {
      task = await client.tasks.get(taskId);
    } catch (error) {
      if (error instanceof NotFoundError) return reply(404, { ok: false, error: 'Unknown task' });
      // The API could not confirm it now: ask the sender to retry later.
      return reply(503, { ok: false, error: 'Could not confirm the task; retry later' });
    }
    client.observeTask(task);
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
