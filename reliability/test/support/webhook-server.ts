// A webhook receiver on loopback: core's createNodeWebhookHandler on node:http, recording what onTask got.
import { createServer } from 'node:http';
import type { AIVideoMaker, Task } from '@aivideomaker/core';
import { createNodeWebhookHandler } from '@aivideomaker/core/node';

export interface WebhookServer {
  url: string;
  /** Every task onTask received, in order. */
  received: Task[];
  /** POSTs `body` (a string, sent as is) to the receiver; `query` is appended to the URL. */
  send(
    body: string,
    init?: { query?: string; method?: string; headers?: Record<string, string> },
  ): Promise<{
    status: number;
    text: string;
  }>;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

export async function webhookServer(client: AIVideoMaker, token?: string): Promise<WebhookServer> {
  const received: Task[] = [];
  const server = createServer(
    createNodeWebhookHandler({
      client,
      ...(token === undefined ? {} : { token }),
      onTask: (task) => {
        received.push(task);
      },
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
  const close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    url,
    received,
    async send(body, init = {}) {
      const method = init.method ?? 'POST';
      const response = await fetch(`${url}${init.query ?? ''}`, {
        method,
        headers: { 'content-type': 'application/json', connection: 'close', ...init.headers },
        ...(method === 'GET' ? {} : { body }),
      });
      return { status: response.status, text: await response.text() };
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
