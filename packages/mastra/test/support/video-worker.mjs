// One worker process of the many-workers test: the video workflow on Postgres, the shared limiter, a
// webhook receiver and a sweeper. The parent sends its orders over IPC; the API key comes in the
// environment (AIVIDEOMAKER_API_KEY), never on the command line.
import { createServer } from 'node:http';
import { AIVideoMaker } from '@aivideomaker/core';
import { toNodeListener } from '@aivideomaker/core/node';
import { createPostgresLimiter } from '@aivideomaker/limiter';
import {
  createVideoWebhookHandler,
  createVideoWorkflow,
  startVideoSweeper,
} from '@aivideomaker/mastra/workflow';
import { Mastra } from '@mastra/core';
import { PostgresStore } from '@mastra/pg';

const send = (message) => process.send?.(message);
const config = await new Promise((resolve) => process.once('message', resolve));
const { name, connectionString, baseUrl, windowMs, sweepMs, token } = config;

const rateLimit = await createPostgresLimiter({ connectionString, windowMs });
const client = new AIVideoMaker({
  baseUrl,
  rateLimit,
  poll: { minIntervalMs: 2_000 / config.speed, maxIntervalMs: 15_000 / config.speed },
});
const storage = new PostgresStore({ id: `store-${name}`, connectionString });

// The receiver starts first: its URL goes to the worker that names it in its webhooks.
let handler;
const server = createServer(toNodeListener((request) => handler(request)));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const ownUrl = `http://127.0.0.1:${server.address().port}/hooks/aivideomaker`;
send({ type: 'listening', url: ownUrl });
const { webhookUrl } = await new Promise((resolve) => process.once('message', resolve));

const video = createVideoWorkflow({ client, webhook: { url: webhookUrl, token } });
const mastra = new Mastra({ workflows: { video }, storage, logger: false });
handler = createVideoWebhookHandler({
  mastra,
  client,
  token,
  onResumed: (runId, task) => send({ type: 'resumed', by: 'webhook', runId, taskId: task.id }),
});
const sweeper = startVideoSweeper({
  mastra,
  client,
  intervalMs: sweepMs,
  staleAfterMs: config.staleMs,
  onResumed: (runIds) => send({ type: 'resumed', by: 'sweeper', runIds }),
  onError: (error) =>
    send({
      type: 'sweep-error',
      message: String(error?.message ?? error),
      errors: (error?.errors ?? []).map((e) => String(e?.stack ?? e)),
    }),
});

process.on('message', async (message) => {
  if (message.type === 'start') {
    const started = await Promise.all(
      message.inputs.map(async (inputData) => {
        const run = await mastra.getWorkflow('video').createRun();
        const result = await run.start({ inputData });
        return { runId: run.runId, status: result.status };
      }),
    );
    send({ type: 'started', runs: started });
  }
  if (message.type === 'stop') {
    await sweeper.stop();
    server.close();
    await rateLimit.close();
    process.exit(0);
  }
});
send({ type: 'ready' });
