// The documented endpoints under /api/v1, api-live.md's account and quote routes (default mode only),
// and the /files route that serves finished videos.
import type { IncomingHttpHeaders } from 'node:http';
import type { VideoFiles } from './files';
import { generate, quote, USD_PER_CREDIT } from './generate';
import { type Fail, jsonReply, methodNotAllowed, type Reply } from './http';
import type { IdempotencyStore } from './idempotency';
import type { Ledger } from './ledger';
import type { Lifecycle } from './lifecycle';
import { aspectRatioOf, MODELS } from './models';
import type { AccountLimits } from './options';
import type { ResolvedPrices } from './prices';
import { type TaskStore, toWireTask } from './tasks';

export interface RequestContext {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** Origin the client reached us at, for absolute URLs in answers. */
  origin: string;
}

export interface ApiDeps {
  tasks: TaskStore;
  ledger: Ledger;
  lifecycle: Lifecycle;
  files: VideoFiles;
  /** Accepted keys; undefined accepts any non-empty key. */
  apiKeys: ReadonlySet<string> | undefined;
  /** Default mode: api-live.md's additions; false answers exactly as the seed document. */
  live: boolean;
  prices: ResolvedPrices;
  idempotency: IdempotencyStore;
  accountLimits: Required<AccountLimits>;
  fail: Fail;
  /** Hosts webhooks may go to (lower-cased `host` or `host:port`); undefined = anywhere. */
  webhookHosts: ReadonlySet<string> | undefined;
  maxTaskBytesPerKey: number;
}

type Handler = (ctx: RequestContext, params: string[]) => Reply;
interface Route {
  pattern: RegExp;
  methods: Record<string, Handler>;
  /** Exists only in the default (live) mode. */
  live?: true;
}

export function createApi(deps: ApiDeps): (ctx: RequestContext) => Reply {
  const all: Route[] = [
    { pattern: /^\/api\/v1\/generate\/([^/]+)$/, methods: { POST: withKey(deps, generate(deps)) } },
    { pattern: /^\/api\/v1\/quote\/([^/]+)$/, methods: { POST: withKey(deps, quote(deps)) }, live: true },
    { pattern: /^\/api\/v1\/account$/, methods: { GET: withKey(deps, account(deps)) }, live: true },
    { pattern: /^\/api\/v1\/tasks$/, methods: { GET: withKey(deps, listTasks(deps)) } },
    { pattern: /^\/api\/v1\/tasks\/([^/]+)$/, methods: { GET: withKey(deps, getTask(deps)) } },
    { pattern: /^\/api\/v1\/tasks\/([^/]+)\/status$/, methods: { GET: withKey(deps, getStatus(deps)) } },
    { pattern: /^\/api\/v1\/tasks\/([^/]+)\/cancel$/, methods: { PUT: withKey(deps, cancelTask(deps)) } },
    { pattern: /^\/files\/([^/]+)\.mp4$/, methods: { GET: serveFile(deps), HEAD: serveFile(deps) } },
  ];
  const routes = all.filter((route) => deps.live || !route.live);
  return (ctx) => {
    for (const route of routes) {
      const match = route.pattern.exec(ctx.path);
      if (!match) continue;
      const handler = route.methods[ctx.method];
      if (!handler) return methodNotAllowed(deps.fail, Object.keys(route.methods));
      const params = decodeParams(match.slice(1));
      if (!params) {
        return deps.fail(
          400,
          'INVALID_PAYLOAD',
          `Invalid percent-encoding in path: ${ctx.path.slice(0, 200)}`,
        );
      }
      return handler(ctx, params);
    }
    return deps.fail(404, 'NOT_FOUND', `Not found: ${ctx.method} ${ctx.path}`);
  };
}

/** Path parameters decoded, or undefined when one is not valid percent-encoding (e.g. `%ZZ`). */
function decodeParams(raw: string[]): string[] | undefined {
  try {
    return raw.map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

type KeyedHandler = (ctx: RequestContext, params: string[], key: string) => Reply;

function withKey(deps: ApiDeps, handler: KeyedHandler): Handler {
  return (ctx, params) => {
    const key = ctx.headers.key;
    if (typeof key !== 'string' || key.trim() === '') {
      return deps.fail(401, 'AUTH_FAILED', 'Missing API key: send it in the "key" request header');
    }
    if (deps.apiKeys && !deps.apiKeys.has(key)) return deps.fail(401, 'AUTH_FAILED', 'Invalid API key');
    return handler(ctx, params, key);
  };
}

/** api-live.md's "doctor": the key works, its balance, the models, its limits (-1 = unlimited). */
function account({ ledger, accountLimits }: ApiDeps): KeyedHandler {
  return (_ctx, _params, key) =>
    jsonReply(200, {
      keyValid: true,
      currentBalance: ledger.balance(key),
      usdPerCredit: USD_PER_CREDIT,
      supportedModels: [...MODELS],
      ...accountLimits,
    });
}

function listTasks({ tasks, live }: ApiDeps): KeyedHandler {
  return (ctx, _params, key) =>
    jsonReply(200, { tasks: tasks.list(key).map((task) => toWireTask(task, ctx.origin, live)) });
}

const unknownTask = (fail: Fail, id: string) => fail(404, 'NOT_FOUND', `Task not found: ${id}`);

function getTask({ tasks, live, fail }: ApiDeps): KeyedHandler {
  return (ctx, [id = ''], key) => {
    const task = tasks.get(id, key);
    return task ? jsonReply(200, toWireTask(task, ctx.origin, live)) : unknownTask(fail, id);
  };
}

function getStatus({ tasks, fail }: ApiDeps): KeyedHandler {
  return (_ctx, [id = ''], key) => {
    const task = tasks.get(id, key);
    return task ? jsonReply(200, { status: task.status }) : unknownTask(fail, id);
  };
}

function cancelTask({ tasks, lifecycle, live, fail }: ApiDeps): KeyedHandler {
  return (_ctx, [id = ''], key) => {
    const task = tasks.get(id, key);
    if (!task) return unknownTask(fail, id);
    if (!lifecycle.cancel(task)) {
      return fail(
        409,
        'TASK_NOT_CANCELLABLE',
        `Task ${id} is ${task.status}; only a SUBMITTED task can be cancelled`,
        { taskStatus: task.status },
      );
    }
    return jsonReply(200, {
      status: task.status,
      taskId: task.id,
      refundedCredits: task.credits,
      ...(live ? { creditsRefunded: task.creditsRefunded } : {}),
      message: `Task cancelled; ${task.credits} credits refunded`,
    });
  };
}

/** Public like a CDN link (no key), and only once the task is COMPLETED. */
function serveFile({ tasks, files, fail }: ApiDeps): Handler {
  return (ctx, [id = '']) => {
    const task = tasks.get(id);
    if (task?.status !== 'COMPLETED') return fail(404, 'NOT_FOUND', `No video for task ${id}`);
    const range = ctx.headers.range;
    return files.reply(aspectRatioOf(task.input), typeof range === 'string' ? range : undefined, fail);
  };
}
