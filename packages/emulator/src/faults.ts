// Fault injection: rules matched against incoming requests, each consumed `times` times. "before" kinds
// answer without doing anything; "after" kinds let the real handler run (a task gets created and charged)
// and then spoil the answer, which is what makes a client's retry policy matter.
import type { Fail, Reply } from './http';
import { MAX_TIMER_MS } from './limits';

export const FAULT_KINDS = [
  'latency',
  'error-before',
  'error-after',
  'reset',
  'reset-after',
  'malformed-json',
  'html-error',
  'rate-limit',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  kind: FaultKind;
  /** Which requests it hits (default: every API request). A string path matches that path and below. */
  match?: { method?: string; path?: string | RegExp };
  /** How many matching requests it hits (default 1; Infinity for all). */
  times?: number;
  /** HTTP status for 'error-before' / 'error-after' (default 500) and 'html-error' (default 502). */
  status?: number;
  /** Wait before acting (default 1000 ms for 'latency', 0 otherwise); not scaled by speed. */
  delayMs?: number;
  /** 'rate-limit' only: the Retry-After header value (default '1'; null sends none). */
  retryAfter?: string | null;
}

export interface ActiveFault extends Fault {
  id: string;
  /** Hits left. */
  remaining: number;
}

export interface FaultControl {
  /** Adds a fault rule (checked in the order added) and returns its id. */
  add(fault: Fault): string;
  remove(id: string): boolean;
  clear(): void;
  list(): ActiveFault[];
}

export type FaultOutcome = Reply | 'reset' | 'continue';

export class FaultStore implements FaultControl {
  #faults: ActiveFault[] = [];
  #nextId = 1;

  add(fault: Fault): string {
    checkFault(fault);
    const id = `fault-${this.#nextId++}`;
    this.#faults.push({ ...fault, id, remaining: fault.times ?? 1 });
    return id;
  }

  remove(id: string): boolean {
    const before = this.#faults.length;
    this.#faults = this.#faults.filter((fault) => fault.id !== id);
    return this.#faults.length < before;
  }

  clear(): void {
    this.#faults = [];
  }

  list(): ActiveFault[] {
    return this.#faults.map((fault) => ({ ...fault }));
  }

  /** The first fault matching the request, with one hit consumed. */
  take(method: string, path: string): ActiveFault | undefined {
    const fault = this.#faults.find((candidate) => matches(candidate, method, path));
    if (!fault) return undefined;
    fault.remaining--;
    if (fault.remaining <= 0) this.remove(fault.id);
    return fault;
  }
}

function matches({ match }: Fault, method: string, path: string): boolean {
  if (match?.method && match.method.toUpperCase() !== method) return false;
  const pattern = match?.path;
  if (pattern === undefined) return true;
  if (pattern instanceof RegExp) {
    pattern.lastIndex = 0; // a /g or /y pattern would otherwise match every other request only
    return pattern.test(path);
  }
  return path === pattern || path.startsWith(pattern.endsWith('/') ? pattern : `${pattern}/`);
}

function checkFault(fault: Fault): void {
  if (typeof fault !== 'object' || fault === null) throw new TypeError('A fault must be an object');
  if (!FAULT_KINDS.includes(fault.kind)) {
    throw new RangeError(`fault.kind must be one of ${FAULT_KINDS.join(', ')} (got ${String(fault.kind)})`);
  }
  const { times, status, delayMs, match, retryAfter } = fault;
  if (times !== undefined && !(times === Infinity || (Number.isInteger(times) && times > 0))) {
    throw new RangeError(`fault.times must be a positive integer or Infinity (got ${times})`);
  }
  if (status !== undefined && !(Number.isInteger(status) && status >= 100 && status <= 599)) {
    throw new RangeError(`fault.status must be an HTTP status 100-599 (got ${status})`);
  }
  // A longer delay overflows a Node timer, which then fires at once: the opposite of what was asked.
  if (delayMs !== undefined && !(Number.isFinite(delayMs) && delayMs >= 0 && delayMs <= MAX_TIMER_MS)) {
    throw new RangeError(`fault.delayMs must be a number from 0 to ${MAX_TIMER_MS} (got ${delayMs})`);
  }
  if (retryAfter !== undefined && retryAfter !== null && typeof retryAfter !== 'string') {
    throw new TypeError(`fault.retryAfter must be a string or null (got ${typeof retryAfter})`);
  }
  checkMatch(match);
}

/** A rule that passes here can never throw while requests are matched against it. */
function checkMatch(match: Fault['match']): void {
  if (match === undefined) return;
  if (typeof match !== 'object' || match === null || Array.isArray(match)) {
    throw new TypeError('fault.match must be an object { method?, path? }');
  }
  const { method, path } = match;
  if (method !== undefined && !(typeof method === 'string' && /^[A-Za-z]+$/.test(method))) {
    throw new TypeError(
      `fault.match.method must be an HTTP method name such as "POST" (got ${JSON.stringify(method)})`,
    );
  }
  if (path !== undefined && typeof path !== 'string' && !(path instanceof RegExp)) {
    throw new TypeError(`fault.match.path must be a string or a RegExp (got ${JSON.stringify(path)})`);
  }
}

export function faultDelayMs(fault: Fault): number {
  return fault.delayMs ?? (fault.kind === 'latency' ? 1_000 : 0);
}

/** What a fault does before the handler runs: answer, drop the connection, or let the request through. */
export function faultBefore(fault: Fault, fail: Fail): FaultOutcome {
  switch (fault.kind) {
    case 'error-before':
      return fail(fault.status ?? 500, 'INTERNAL_ERROR', 'Internal server error');
    case 'html-error':
      return htmlErrorPage(fault.status ?? 502);
    case 'reset':
      return 'reset';
    case 'rate-limit': {
      const retryAfter = fault.retryAfter === undefined ? '1' : fault.retryAfter;
      return fail(
        429,
        'RATE_LIMITED',
        'Too many requests',
        {},
        retryAfter === null ? {} : { 'retry-after': retryAfter },
      );
    }
    default:
      return 'continue';
  }
}

/** What a fault does to the handler's real answer. */
export function faultAfter(fault: Fault, reply: Reply, fail: Fail): Reply | 'reset' {
  switch (fault.kind) {
    case 'error-after':
      return fail(fault.status ?? 500, 'INTERNAL_ERROR', 'Internal server error');
    case 'reset-after':
      return 'reset';
    case 'malformed-json': {
      const text = String(reply.body ?? '{}');
      return {
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: text.slice(0, Math.max(1, Math.floor(text.length / 2))),
      };
    }
    default:
      return reply;
  }
}

function htmlErrorPage(status: number): Reply {
  const title = `${status} ${status === 502 ? 'Bad Gateway' : status === 503 ? 'Service Unavailable' : 'Error'}`;
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
  };
}
