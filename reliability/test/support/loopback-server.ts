// A tiny loopback HTTP server for what the emulator cannot do: redirect, or answer with hostile content.
// It records every request (method, path, headers, body) and answers with `reply`.
import { createServer, type IncomingHttpHeaders } from 'node:http';

export interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoopbackServer {
  url: string;
  seen: Seen[];
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

export async function loopbackServer(reply: (seen: Seen) => Answer): Promise<LoopbackServer> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk;
    });
    req.on('end', () => {
      const record = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      seen.push(record);
      const answer = reply(record);
      res.writeHead(answer.status, {
        'content-type': 'application/json',
        connection: 'close',
        ...answer.headers,
      });
      res.end(answer.body ?? '{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    seen,
    close,
    [Symbol.asyncDispose]: close,
  };
}
