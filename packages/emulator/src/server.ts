// The request pipeline: read the body, log the request, apply a matching fault, enforce the rate limit
// on query endpoints, run the API handler, then write (or drop) the answer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestContext } from './api';
import { CONTROL_PREFIX } from './control';
import { type FaultStore, faultAfter, faultBefore, faultDelayMs } from './faults';
import { type Fail, type Reply, writeReply } from './http';
import { type RateLimiter, retryAfterHeaders } from './rate-limiter';
import { formatLogLine, type RequestLog, type RequestRecord } from './request-log';
import type { Timers } from './timers';

export interface PipelineDeps {
  api: (ctx: RequestContext) => Reply;
  /** Present only when the control routes are enabled. */
  control: ((ctx: RequestContext) => Reply) | undefined;
  faults: FaultStore;
  limiter: RateLimiter | undefined;
  requests: RequestLog;
  /** Bodies over this many bytes are refused with 413 and not kept. */
  maxBodyBytes: number;
  timers: Timers;
  /** Error answers in the API mode's shape. */
  fail: Fail;
  baseUrl: () => string;
  log: ((line: string) => void) | undefined;
}

/** The document rate-limits "task query endpoints": every GET under /api/v1/tasks. */
export const isQuery = (method: string, path: string) =>
  method === 'GET' && (path === '/api/v1/tasks' || path.startsWith('/api/v1/tasks/'));

export function createRequestListener(deps: PipelineDeps) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(deps, req, res).catch((error: unknown) => {
      if (!res.headersSent)
        writeReply(res, deps.fail(500, 'INTERNAL_ERROR', `Emulator error: ${String(error)}`), 'GET');
      else res.destroy();
    });
  };
}

async function handle(deps: PipelineDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const at = Date.now();
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  const body = await readBody(req, deps.maxBodyBytes);
  const ctx: RequestContext = {
    method,
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    body: body ?? '',
    origin: originOf(req, deps.baseUrl()),
  };
  if (deps.control && ctx.path.startsWith(CONTROL_PREFIX)) {
    writeReply(res, deps.control(ctx), method);
    return;
  }

  const record: RequestRecord = {
    method,
    path: ctx.path,
    query: Object.fromEntries(url.searchParams),
    headers: req.headers,
    body: ctx.body,
    status: 0,
    at,
  };
  deps.requests.add(record);
  const finish = (reply: Reply | 'reset') => {
    if (reply === 'reset') req.socket.destroy();
    else {
      record.status = reply.status;
      writeReply(res, reply, method);
    }
    deps.log?.(formatLogLine(record, Date.now() - at));
  };

  if (body === undefined)
    return finish(deps.fail(413, 'PAYLOAD_TOO_LARGE', `Request body over ${deps.maxBodyBytes} bytes`));
  const fault = deps.faults.take(method, ctx.path);
  if (fault) {
    await deps.timers.sleep(faultDelayMs(fault));
    if (deps.timers.closed) return finish('reset');
    const outcome = faultBefore(fault, deps.fail);
    if (outcome !== 'continue') return finish(outcome);
  }
  if (deps.limiter && isQuery(method, ctx.path)) {
    const verdict = deps.limiter.hit(req.socket.remoteAddress ?? 'unknown');
    if (!verdict.ok) {
      return finish(
        deps.fail(
          429,
          'RATE_LIMITED',
          'Too many requests: task queries are rate-limited per IP; retry after Retry-After seconds',
          {},
          retryAfterHeaders(verdict.retryAfterMs),
        ),
      );
    }
  }
  let reply: Reply;
  try {
    reply = deps.api(ctx);
  } catch (error) {
    // A bug must answer (and be logged as) a 500, never leave the request looking like a reset.
    reply = deps.fail(500, 'INTERNAL_ERROR', `Emulator error: ${String(error)}`);
  }
  finish(fault ? faultAfter(fault, reply, deps.fail) : reply);
}

/** The body as text, or undefined when it is over `max` bytes (read to the end, but not kept). */
async function readBody(req: IncomingMessage, max: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= max) chunks.push(chunk);
    else chunks.length = 0;
  }
  return size > max ? undefined : Buffer.concat(chunks).toString('utf8');
}

/** Absolute URLs in answers use the host the client asked for (e.g. a Docker service name). */
function originOf(req: IncomingMessage, fallback: string): string {
  const host = req.headers.host;
  return host && /^[A-Za-z0-9.\-[\]:]+$/.test(host) ? `http://${host}` : fallback;
}
