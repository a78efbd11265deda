// A loopback API that answers every request with an error quoting the key it received, in every shape a
// server can: a JSON message, an HTML page, a garbled 200 and the "Insufficient credits" body. The client
// must keep the key out of everything that reaches a person or a model all the same.
import { createServer } from 'node:http';

export interface LeakyServer {
  url: string;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

export async function leakyServer(): Promise<LeakyServer> {
  const server = createServer((req, res) => {
    const key = String(req.headers.key ?? '');
    const path = req.url ?? '/';
    const json = (status: number, message: string) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'FAILED', message }));
    };
    if (req.method === 'POST') return json(200, `Insufficient credits for key ${key}`);
    if (req.method === 'PUT') return json(409, `Key ${key} may not cancel this task`);
    if (path === '/api/v1/tasks') return json(401, `Invalid API key: ${key}`);
    if (path.endsWith('/status')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(`{"status":"PROGRESS","debug":"${key}`);
    }
    res.writeHead(502, { 'content-type': 'text/html' });
    res.end(`<html><body><h1>502 Bad Gateway</h1><pre>upstream rejected key=${key}</pre></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { url, close, [Symbol.asyncDispose]: close };
}
