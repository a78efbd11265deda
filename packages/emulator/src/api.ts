// The documented endpoints under /api/v1, plus the /files route that serves finished videos.
import type { IncomingHttpHeaders } from 'node:http';
import { isHttpUrl } from './fields';
import type { VideoFiles } from './files';
import { errorReply, jsonReply, methodNotAllowed, type Reply } from './http';
import type { Ledger } from './ledger';
import type { Lifecycle } from './lifecycle';
import { aspectRatioOf, creditsFor, isModel, MODELS, type TaskInput, validateInput } from './models';
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
}

type Handler = (ctx: RequestContext, params: string[]) => Reply;
interface Route {
  pattern: RegExp;
  methods: Record<string, Handler>;
}

export function createApi(deps: ApiDeps): (ctx: RequestContext) => Reply {
  const routes: Route[] = [
    { pattern: /^\/api\/v1\/generate\/([^/]+)$/, methods: { POST: withKey(deps, generate(deps)) } },
    { pattern: /^\/api\/v1\/tasks$/, methods: { GET: withKey(deps, listTasks(deps)) } },
    { pattern: /^\/api\/v1\/tasks\/([^/]+)$/, methods: { GET: withKey(deps, getTask(deps)) } },
    { pattern: /^\/api\/v1\/tasks\/([^/]+)\/status$/, methods: { GET: withKey(deps, getStatus(deps)) } },
    { pattern: /^\/api\/v1\/tasks\/([^/]+)\/cancel$/, methods: { PUT: withKey(deps, cancelTask(deps)) } },
    { pattern: /^\/files\/([^/]+)\.mp4$/, methods: { GET: serveFile(deps), HEAD: serveFile(deps) } },
  ];
  return (ctx) => {
    for (const route of routes) {
      const match = route.pattern.exec(ctx.path);
      if (!match) continue;
      const handler = route.methods[ctx.method];
      if (!handler) return methodNotAllowed(Object.keys(route.methods));
      return handler(ctx, match.slice(1).map(decodeURIComponent));
    }
    return errorReply(404, `Not found: ${ctx.method} ${ctx.path}`);
  };
}

type KeyedHandler = (ctx: RequestContext, params: string[], key: string) => Reply;

function withKey(deps: ApiDeps, handler: KeyedHandler): Handler {
  return (ctx, params) => {
    const key = ctx.headers.key;
    if (typeof key !== 'string' || key.trim() === '') {
      return errorReply(401, 'Missing API key: send it in the "key" request header');
    }
    if (deps.apiKeys && !deps.apiKeys.has(key)) return errorReply(401, 'Invalid API key');
    return handler(ctx, params, key);
  };
}

function generate({ tasks, ledger, lifecycle }: ApiDeps): KeyedHandler {
  return (ctx, [model = ''], key) => {
    if (!isModel(model)) {
      return errorReply(400, `Unknown model "${model}"; allowed models: ${MODELS.join(', ')}`);
    }
    const webhookUrl = ctx.headers.webhookurl;
    if (webhookUrl !== undefined && (typeof webhookUrl !== 'string' || !isHttpUrl(webhookUrl))) {
      return errorReply(400, 'webhookUrl header must be an absolute http(s) URL');
    }
    let body: unknown;
    try {
      body = JSON.parse(ctx.body);
    } catch (error) {
      return errorReply(400, `Invalid JSON body: ${(error as Error).message}`);
    }
    const problem = validateInput(model, body);
    if (problem) return errorReply(400, problem);
    const input = body as TaskInput;
    const credits = creditsFor(model, input);
    if (ledger.balance(key) < credits) return errorReply(402, 'Insufficient credits');
    const task = tasks.create({ key, model, input, webhookUrl: webhookUrl ?? null, credits });
    ledger.charge(key, task.id, credits);
    lifecycle.start(task);
    const taskUrl = `${ctx.origin}/api/v1/tasks/${task.id}`;
    return jsonReply(200, {
      status: task.status,
      taskId: task.id,
      responseUrl: taskUrl,
      statusUrl: `${taskUrl}/status`,
      cancelUrl: `${taskUrl}/cancel`,
    });
  };
}

function listTasks({ tasks }: ApiDeps): KeyedHandler {
  return (ctx, _params, key) =>
    jsonReply(200, { tasks: tasks.list(key).map((task) => toWireTask(task, ctx.origin)) });
}

const unknownTask = (id: string) => errorReply(404, `Task not found: ${id}`);

function getTask({ tasks }: ApiDeps): KeyedHandler {
  return (ctx, [id = ''], key) => {
    const task = tasks.get(id, key);
    return task ? jsonReply(200, toWireTask(task, ctx.origin)) : unknownTask(id);
  };
}

function getStatus({ tasks }: ApiDeps): KeyedHandler {
  return (_ctx, [id = ''], key) => {
    const task = tasks.get(id, key);
    return task ? jsonReply(200, { status: task.status }) : unknownTask(id);
  };
}

function cancelTask({ tasks, lifecycle }: ApiDeps): KeyedHandler {
  return (_ctx, [id = ''], key) => {
    const task = tasks.get(id, key);
    if (!task) return unknownTask(id);
    if (!lifecycle.cancel(task)) {
      return errorReply(409, `Task ${id} is ${task.status}; only a SUBMITTED task can be cancelled`);
    }
    return jsonReply(200, {
      status: task.status,
      taskId: task.id,
      refundedCredits: task.credits,
      message: `Task cancelled; ${task.credits} credits refunded`,
    });
  };
}

/** Public like a CDN link (no key), and only once the task is COMPLETED. */
function serveFile({ tasks, files }: ApiDeps): Handler {
  return (ctx, [id = '']) => {
    const task = tasks.get(id);
    if (task?.status !== 'COMPLETED') return errorReply(404, `No video for task ${id}`);
    const range = ctx.headers.range;
    return files.reply(aspectRatioOf(task.input), typeof range === 'string' ? range : undefined);
  };
}
