// The record of every API request the emulator answered, for assertions in tests, and the one-line
// stderr log of the CLI (method, path, status, time: never headers, so never an API key).
import type { IncomingHttpHeaders } from 'node:http';

export interface RequestRecord {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  /** Lower-cased names, as received. */
  headers: IncomingHttpHeaders;
  /** The raw request body ('' when there was none). */
  body: string;
  /** The status answered, or 0 when the connection was reset by a fault. */
  status: number;
  /** Epoch milliseconds when the request arrived. */
  at: number;
}

export function formatLogLine(record: RequestRecord, durationMs: number): string {
  const status = record.status === 0 ? 'RESET' : String(record.status);
  return `${new Date(record.at).toISOString()} ${record.method} ${record.path} ${status} ${durationMs}ms`;
}
