// node:http adapter for the web-standard webhook handler: (req, res) listener for http.createServer,
// Express or any framework that hands out IncomingMessage/ServerResponse.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createWebhookHandler, type WebhookHandler, type WebhookHandlerOptions } from '../webhooks';

export type NodeRequestListener = (req: IncomingMessage, res: ServerResponse) => void;

const MAX_BODY_BYTES = 64 * 1024;

async function readCapped(req: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** Wraps any (Request) => Promise<Response> handler as a node:http request listener. */
export function toNodeListener(handler: WebhookHandler, maxBodyBytes = MAX_BODY_BYTES): NodeRequestListener {
  return (req, res) => {
    const respond = async () => {
      const body =
        req.method === 'GET' || req.method === 'HEAD' ? Buffer.alloc(0) : await readCapped(req, maxBodyBytes);
      if (body === undefined) {
        res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
        res.end(JSON.stringify({ ok: false, error: 'Body too large' }));
        return;
      }
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
      const request = new Request(url, {
        method: req.method ?? 'GET',
        headers: toHeaders(req),
        ...(body.length > 0 ? { body: new Uint8Array(body) } : {}),
      });
      const response = await handler(request);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    };
    respond().catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: 'Webhook handling failed' }));
    });
  };
}

/** createWebhookHandler for node:http: `http.createServer(createNodeWebhookHandler({ client, onTask }))`. */
export function createNodeWebhookHandler(options: WebhookHandlerOptions): NodeRequestListener {
  return toNodeListener(createWebhookHandler(options), options.maxBodyBytes ?? MAX_BODY_BYTES);
}
