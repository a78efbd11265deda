// Strategy (c): webhooks into core's handler. A loopback server runs createNodeWebhookHandler; every task
// is submitted with its URL, and a task counts as detected when the handler hands over its COMPLETED state
// (confirmed by the handler with an authenticated GET). Nothing polls.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { withWebhookToken } from '@aivideomaker/core';
import { createNodeWebhookHandler } from '@aivideomaker/core/node';
import { benchClient } from './watcher.ts';
import { INPUT, MODEL, type Strategy } from './workload.ts';

export const webhooks: Strategy = async (context) => {
  const client = benchClient(context);
  const token = randomUUID();
  const onTask = (task: { id: string; status: string }) => {
    if (task.status === 'COMPLETED') context.detected(task.id);
  };
  const server = createServer(createNodeWebhookHandler({ client, token, onTask }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const webhookUrl = withWebhookToken(`http://127.0.0.1:${port}/webhook`, token);
  try {
    await Promise.all(
      Array.from({ length: context.tasks }, () =>
        client.generate(MODEL, INPUT, { webhookUrl, signal: context.signal }),
      ),
    );
    await context.allDetected;
  } finally {
    server.closeAllConnections();
    server.close();
  }
};
