// POST /api/v1/generate/{model} and, in the default (live) mode, POST /api/v1/quote/{model}: the same
// validation and the same price, one creating and charging a task, the other nothing.
import type { ApiDeps, RequestContext } from './api';
import { isHttpUrl } from './fields';
import type { Reply } from './http';
import { jsonReply } from './http';
import { checkIdempotencyKey, fingerprint } from './idempotency';
import { isModel, MODELS, type Model, SEED_MODELS, type TaskInput, validateInput } from './models';
import { priceOf } from './prices';
import type { TaskRecord } from './tasks';

export const USD_PER_CREDIT = 0.01;

interface Priced {
  model: Model;
  input: TaskInput;
  credits: number;
}

function unknownModel(deps: ApiDeps, model: string): Reply | undefined {
  const models = deps.live ? MODELS : SEED_MODELS;
  if (isModel(model, models)) return undefined;
  return deps.fail(400, 'INVALID_MODEL', `Unknown model "${model}"; allowed models: ${models.join(', ')}`, {
    field: 'model',
  });
}

/** The model, the validated body and its price, or the error answer generate and quote both give. */
function priceRequest(deps: ApiDeps, ctx: RequestContext, model: string): Priced | Reply {
  const refused = unknownModel(deps, model);
  if (refused || !isModel(model)) return refused as Reply;
  let body: unknown;
  try {
    body = JSON.parse(ctx.body);
  } catch (error) {
    return deps.fail(400, 'INVALID_PAYLOAD', `Invalid JSON body: ${(error as Error).message}`);
  }
  const problem = validateInput(model, body);
  if (problem) {
    return deps.fail(400, 'INVALID_PAYLOAD', problem.message, problem.field ? { field: problem.field } : {});
  }
  const input = body as TaskInput;
  return { model, input, credits: priceOf(deps.prices, model, input) };
}

const isReply = (value: Priced | Reply): value is Reply => 'status' in value;

export function quote(deps: ApiDeps) {
  return (ctx: RequestContext, [model = '']: string[], key: string): Reply => {
    const priced = priceRequest(deps, ctx, model);
    if (isReply(priced)) return priced;
    const balance = deps.ledger.balance(key);
    return jsonReply(200, {
      model: priced.model,
      credits: priced.credits,
      listPriceUsd: Number((priced.credits * USD_PER_CREDIT).toFixed(2)),
      usdPerCredit: USD_PER_CREDIT,
      currentBalance: balance,
      affordable: balance >= priced.credits,
      billable: false,
    });
  };
}

/** Live-mode request headers of generate, parsed; seed mode ignores them as the document does. */
function liveHeaders(deps: ApiDeps, ctx: RequestContext) {
  if (!deps.live) return {};
  const { fail } = deps;
  const idempotencyKey = ctx.headers['idempotency-key'];
  if (typeof idempotencyKey === 'string') {
    const problem = checkIdempotencyKey(idempotencyKey);
    if (problem) return { error: fail(400, 'INVALID_PAYLOAD', problem, { field: 'Idempotency-Key' }) };
  }
  const cap = ctx.headers['x-max-credits'];
  let maxCredits: number | undefined;
  if (typeof cap === 'string') {
    if (!/^\s*\d{1,15}\s*$/.test(cap)) {
      return {
        error: fail(
          400,
          'INVALID_PAYLOAD',
          `X-Max-Credits must be a whole number of credits >= 0 (got "${cap.slice(0, 40)}")`,
          {
            field: 'X-Max-Credits',
          },
        ),
      };
    }
    maxCredits = Number(cap);
  }
  return { idempotencyKey: typeof idempotencyKey === 'string' ? idempotencyKey : undefined, maxCredits };
}

export function generate(deps: ApiDeps) {
  const { tasks, ledger, lifecycle, idempotency, fail } = deps;
  return (ctx: RequestContext, [model = '']: string[], key: string): Reply => {
    const refused = unknownModel(deps, model);
    if (refused) return refused;
    const webhookUrl = ctx.headers.webhookurl;
    if (webhookUrl !== undefined && (typeof webhookUrl !== 'string' || !isHttpUrl(webhookUrl))) {
      return fail(400, 'INVALID_PAYLOAD', 'webhookUrl header must be an absolute http(s) URL', {
        field: 'webhookUrl',
      });
    }
    const target = webhookUrl === undefined ? undefined : new URL(webhookUrl);
    if (
      target &&
      deps.webhookHosts &&
      !deps.webhookHosts.has(target.host) &&
      !deps.webhookHosts.has(target.hostname)
    ) {
      return fail(
        400,
        'INVALID_PAYLOAD',
        `webhookUrl host ${target.host} is not in the emulator's webhook allow-list (webhookHosts: ${[...deps.webhookHosts].join(', ')})`,
        { field: 'webhookUrl' },
      );
    }
    const headers = liveHeaders(deps, ctx);
    if (headers.error) return headers.error;
    const priced = priceRequest(deps, ctx, model);
    if (isReply(priced)) return priced;
    const { idempotencyKey, maxCredits } = headers;
    const print = idempotencyKey === undefined ? '' : fingerprint(priced.model, priced.input);
    if (idempotencyKey !== undefined) {
      // A key whose task was forgotten to make room (see TaskStore) has expired: it starts afresh.
      const seen = idempotency.get(key, idempotencyKey);
      const original = seen && tasks.get(seen.taskId, key);
      if (original && seen.fingerprint === print) return submitAnswer(deps, ctx, original, true);
      if (seen && original) {
        return fail(
          409,
          'IDEMPOTENCY_CONFLICT',
          `Idempotency-Key was already used for another request (task ${seen.taskId}); use a new key for a new generation`,
          { taskId: seen.taskId },
        );
      }
    }
    const { credits } = priced;
    if (maxCredits !== undefined && credits > maxCredits) {
      return fail(
        422,
        'BUDGET_EXCEEDED',
        `Price of ${credits} credits exceeds X-Max-Credits ${maxCredits}; nothing was charged`,
        { maxCredits, requiredCredits: credits },
      );
    }
    const balance = ledger.balance(key);
    if (balance < credits) {
      return deps.live
        ? fail(402, 'INSUFFICIENT_CREDITS', `Current balance ${balance} is below required ${credits}`, {
            currentBalance: balance,
            requiredCredits: credits,
          })
        : fail(402, 'INSUFFICIENT_CREDITS', 'Insufficient credits');
    }
    const bytes = Buffer.byteLength(ctx.body);
    if (!tasks.makeRoom(key, bytes)) {
      return fail(
        413,
        'PAYLOAD_TOO_LARGE',
        `This key's unfinished tasks hold ${tasks.bytes(key)} bytes of input; the emulator keeps at most ${deps.maxTaskBytesPerKey} per key (option maxTaskBytesPerKey)`,
      );
    }
    const task = tasks.create(
      {
        key,
        model: priced.model,
        input: priced.input,
        webhookUrl: webhookUrl ?? null,
        credits,
        idempotencyKey: idempotencyKey ?? null,
      },
      bytes,
    );
    ledger.charge(key, task.id, credits);
    if (idempotencyKey !== undefined)
      idempotency.set(key, idempotencyKey, { fingerprint: print, taskId: task.id });
    lifecycle.start(task);
    return submitAnswer(deps, ctx, task, false);
  };
}

function submitAnswer(deps: ApiDeps, ctx: RequestContext, task: TaskRecord, replay: boolean): Reply {
  const taskUrl = `${ctx.origin}/api/v1/tasks/${task.id}`;
  const urls = { responseUrl: taskUrl, statusUrl: `${taskUrl}/status`, cancelUrl: `${taskUrl}/cancel` };
  if (!deps.live) return jsonReply(200, { status: task.status, taskId: task.id, ...urls });
  return jsonReply(200, {
    status: task.status,
    taskId: task.id,
    creditsCharged: task.credits,
    idempotentReplay: replay,
    idempotencyKey: task.idempotencyKey,
    ...urls,
  });
}
