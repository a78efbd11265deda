// The emulator's handlers return a Reply instead of writing to the socket, so fault injection can
// run the real work first and then alter or drop the answer ('error-after', 'malformed-json', 'reset-after').
import type { ServerResponse } from 'node:http';

export interface Reply {
  status: number;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
}

/** The API document's error body: `{"status":"FAILED","message":...}`. */
export function errorReply(status: number, message: string, headers: Reply['headers'] = {}): Reply {
  return jsonReply(status, { status: 'FAILED', message }, headers);
}

export function jsonReply(status: number, value: unknown, headers: Reply['headers'] = {}): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(value),
  };
}

export function methodNotAllowed(allowed: readonly string[]): Reply {
  return errorReply(405, `Method not allowed; use ${allowed.join(' or ')}`, { allow: allowed.join(', ') });
}

export function writeReply(res: ServerResponse, reply: Reply, method: string): void {
  const body = reply.body ?? '';
  const headers = { 'content-length': Buffer.byteLength(body), ...reply.headers };
  res.writeHead(reply.status, headers);
  res.end(method === 'HEAD' ? undefined : body);
}
