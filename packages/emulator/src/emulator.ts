// startEmulator(): wires the pieces together on a real node:http server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApi } from './api';
import { handleControl } from './control';
import { type FaultControl, FaultStore } from './faults';
import { defaultAssetsDir, VideoFiles } from './files';
import { failFor } from './http';
import { IdempotencyStore } from './idempotency';
import { type EmulatorLedger, Ledger } from './ledger';
import { Lifecycle } from './lifecycle';
import { badPortWarning } from './limits';
import { type ApiMode, type EmulatorOptions, resolveOptions } from './options';
import { seededRandom } from './random';
import { RateLimiter } from './rate-limiter';
import { RequestLog, type RequestRecord } from './request-log';
import { createRequestListener } from './server';
import { type TaskRecord, TaskStore } from './tasks';
import { Timers } from './timers';
import { type WebhookDelivery, WebhookSender } from './webhooks';

export interface Emulator {
  /** Base URL, e.g. `http://127.0.0.1:4010` (no trailing slash). */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** 'live' (api-live.md's additions on) or 'seed' (the document exactly). */
  readonly api: ApiMode;
  readonly ledger: EmulatorLedger;
  /** Copies of the task records, newest first, for one key or all. */
  tasks(key?: string): TaskRecord[];
  /** The API requests answered, newest last (live array, a ring bounded by `requestLog`; control routes are not recorded). */
  readonly requests: RequestRecord[];
  /** Warnings about the setup (e.g. a port fetch() refuses), also sent to `onWarning`. */
  readonly warnings: readonly string[];
  clearRequests(): void;
  /** Every webhook delivery attempt (live array). */
  readonly webhooks: WebhookDelivery[];
  readonly faults: FaultControl;
  /** Stops the server, timers, open connections and pending webhooks. Safe to call twice. */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const config = resolveOptions(options);
  const timers = new Timers();
  const ledger = new Ledger(config.credits);
  const tasks = new TaskStore(config.maxTaskBytesPerKey);
  const faults = new FaultStore();
  const webhooks = new WebhookSender(timers, config.speed);
  const requestLog = new RequestLog(config.requestLog);
  const requests = requestLog.entries;
  let url = '';
  const lifecycle = new Lifecycle({
    timers,
    ledger,
    webhooks,
    speed: config.speed,
    failureRate: config.failureRate,
    random: seededRandom(config.seed),
    baseUrl: () => url,
    live: config.live,
  });
  const fail = failFor(config.live);
  const api = createApi({
    tasks,
    ledger,
    lifecycle,
    apiKeys: config.apiKeys,
    files: new VideoFiles(config.assetsDir ?? defaultAssetsDir()),
    live: config.live,
    prices: config.prices,
    idempotency: new IdempotencyStore(),
    accountLimits: config.accountLimits,
    fail,
    webhookHosts: config.webhookHosts,
    maxTaskBytesPerKey: config.maxTaskBytesPerKey,
  });
  const controlDeps = { faults, ledger, tasks, requests, webhooks: webhooks.deliveries };
  const server = createServer(
    createRequestListener({
      api,
      control: config.faultControl ? (ctx) => handleControl(controlDeps, ctx) : undefined,
      faults,
      limiter: config.rateLimit ? new RateLimiter(config.rateLimit) : undefined,
      requests: requestLog,
      maxBodyBytes: config.maxBodyBytes,
      timers,
      fail,
      baseUrl: () => url,
      log: config.quiet ? undefined : (line) => process.stderr.write(`${line}\n`),
    }),
  );
  const port = await listen(server, config.port, config.host);
  const warnings = [badPortWarning(port)].filter((warning) => warning !== undefined);
  for (const warning of warnings) config.onWarning(`aivideomaker-emulator: ${warning}`);
  url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      timers.close();
      webhooks.close();
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  };
  return {
    url,
    host: config.host,
    port,
    api: config.live ? 'live' : 'seed',
    ledger,
    tasks: (key) => tasks.list(key).map((task) => structuredClone(task)),
    requests,
    warnings,
    clearRequests: () => {
      requests.length = 0;
    },
    webhooks: webhooks.deliveries,
    faults,
    close,
    [Symbol.asyncDispose]: close,
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const where = `${host}:${port}`;
      if (error.code === 'EADDRINUSE')
        reject(new Error(`Port ${port} on ${host} is already in use`, { cause: error }));
      else if (error.code === 'EADDRNOTAVAIL')
        reject(new Error(`Cannot listen on ${where}: address not available`, { cause: error }));
      else reject(error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
