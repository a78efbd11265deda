// The record of the API requests the emulator answered, for assertions in tests, and the one-line
// stderr log of the CLI (method, path, status, time: never headers, so never an API key). The record is a
// ring: it keeps the newest entries within a count and a byte budget, so a long run or a flood of huge
// bodies cannot grow the emulator's memory without end.
import type { IncomingHttpHeaders } from 'node:http';

export interface RequestRecord {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  /** Lower-cased names, as received. */
  headers: IncomingHttpHeaders;
  /** The raw request body ('' when there was none, or when it was over the body cap). */
  body: string;
  /** Present when `body` was cut to fit the log's byte budget. */
  bodyTruncated?: true;
  /** The status answered, or 0 when the connection was reset by a fault. */
  status: number;
  /** Epoch milliseconds when the request arrived. */
  at: number;
}

export interface RequestLogLimits {
  /** Most entries kept (default 10 000). */
  maxEntries: number;
  /** Most bytes kept, bodies and headers counted (default 64 MiB). */
  maxBytes: number;
}

/** What an entry costs: its body, path and headers, plus a fixed overhead for the rest. */
function sizeOf(record: RequestRecord): number {
  let size = 256 + Buffer.byteLength(record.body) + record.path.length;
  for (const [name, value] of Object.entries(record.headers)) size += name.length + String(value).length;
  return size;
}

export class RequestLog {
  /** The live array tests read (and may empty with `length = 0`). */
  readonly entries: RequestRecord[] = [];
  readonly #sizes = new WeakMap<RequestRecord, number>();
  #bytes = 0;
  #counted = 0;

  constructor(private readonly limits: RequestLogLimits) {}

  add(record: RequestRecord): void {
    const { maxEntries, maxBytes } = this.limits;
    // Someone emptied or spliced the array: count again from what is left.
    if (this.#counted !== this.entries.length) this.#recount();
    let size = sizeOf(record);
    if (size > maxBytes) {
      const room = Math.max(0, Buffer.byteLength(record.body) - (size - maxBytes) - 4);
      record.body = Buffer.from(record.body).subarray(0, room).toString('utf8');
      record.bodyTruncated = true;
      size = sizeOf(record);
    }
    let drop = 0;
    let bytes = this.#bytes + size;
    while (drop < this.entries.length && (this.entries.length - drop >= maxEntries || bytes > maxBytes)) {
      bytes -= this.#sizes.get(this.entries[drop] as RequestRecord) ?? 0;
      drop++;
    }
    if (drop > 0) this.entries.splice(0, drop);
    this.entries.push(record);
    this.#sizes.set(record, size);
    this.#bytes = bytes;
    this.#counted = this.entries.length;
  }

  /** Bytes held now (as counted for the budget). */
  get bytes(): number {
    if (this.#counted !== this.entries.length) this.#recount();
    return this.#bytes;
  }

  #recount(): void {
    this.#bytes = 0;
    for (const entry of this.entries) {
      const size = this.#sizes.get(entry) ?? sizeOf(entry);
      this.#sizes.set(entry, size);
      this.#bytes += size;
    }
    this.#counted = this.entries.length;
  }
}

export function formatLogLine(record: RequestRecord, durationMs: number): string {
  const status = record.status === 0 ? 'RESET' : String(record.status);
  return `${new Date(record.at).toISOString()} ${record.method} ${record.path} ${status} ${durationMs}ms`;
}
