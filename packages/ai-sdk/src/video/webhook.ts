// Webhook mode. The SDK's webhook URL becomes our `webhookUrl` header; the delivery its `received` promise
// resolves with is only a hint. It is confirmed with an authenticated read through core's webhook handler,
// so a forged delivery changes nothing, and the confirmed end state is kept for the one doStatus the SDK
// makes next (no second request). The API posts every status change, SUBMITTED first: a receiver that
// resolves on an earlier delivery than the end, or fails, is not trusted to say more, and the task is then
// finished through the client's shared watcher (polling).
import type { Experimental_VideoModelV4OperationWebhook as Delivery } from '@ai-sdk/provider';
import {
  type AIVideoMaker,
  createWebhookHandler,
  isTerminalStatus,
  type Task,
  TaskCancelledError,
  TaskFailedError,
} from '@aivideomaker/core';
import type { EndedTasks } from './ended-tasks';

interface Started {
  taskId: string;
  signal: AbortSignal | undefined;
}

interface Expected {
  resolve(started: Started): void;
  reject(error: unknown): void;
}

/** Links each call's webhook URL (from handleWebhookOption) to the task its doStart created. */
export class WebhookCalls {
  readonly #expected = new Map<string, Expected[]>();

  expect(url: string): Promise<Started> {
    return new Promise((resolve, reject) => {
      const queue = this.#expected.get(url) ?? [];
      this.#expected.set(url, [...queue, { resolve, reject }]);
    });
  }

  #take(url: string | undefined): Expected | undefined {
    if (url === undefined) return undefined;
    const [first, ...rest] = this.#expected.get(url) ?? [];
    if (rest.length > 0) this.#expected.set(url, rest);
    else this.#expected.delete(url);
    return first;
  }

  started(url: string | undefined, started: Started): void {
    this.#take(url)?.resolve(started);
  }

  /** doStart failed: nobody will deliver to this URL (the SDK no longer waits for it either). */
  failed(url: string | undefined, error: unknown): void {
    this.#take(url)?.reject(error);
  }
}

/** The delivery as a Request, so core's handler can read it like any webhook it receives. */
function toRequest(url: string, delivery: Delivery): Request {
  const body = typeof delivery.body === 'string' ? delivery.body : JSON.stringify(delivery.body);
  return new Request(URL.canParse(url) ? url : 'http://webhook.invalid/', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
}

/** The task id a delivery claims to be about (unverified). */
function claimedTaskId(delivery: Delivery): unknown {
  let body: unknown = delivery.body;
  if (typeof body === 'string') body = JSON.parse(body);
  const { taskId, id } = (body ?? {}) as { taskId?: unknown; id?: unknown };
  return taskId ?? id;
}

/** The confirmed task the delivery points at, when it is this call's task. */
async function confirm(client: AIVideoMaker, url: string, delivery: Delivery, taskId: string) {
  // A delivery about another task is not this call's business: no read is spent on it.
  if (claimedTaskId(delivery) !== taskId) return undefined;
  let confirmed: Task | undefined;
  const handle = createWebhookHandler({
    client,
    onTask: (task) => {
      confirmed = task;
    },
  });
  await handle(toRequest(url, delivery));
  return confirmed?.id === taskId ? confirmed : undefined;
}

/** The promise, or the signal's reason the moment it aborts (a receiver may never resolve). */
function untilAborted<T>(promise: PromiseLike<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return Promise.resolve(promise);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve(promise)
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Resolves once this call's task has ended (confirmed), keeping the end state for doStatus. */
export async function untilEnded(
  ctx: { client(): AIVideoMaker; ended: EndedTasks },
  url: string,
  received: PromiseLike<Delivery>,
  started: Promise<Started>,
): Promise<Delivery> {
  // First the task (a failed doStart rejects here at once), then the delivery.
  const { taskId, signal } = await started;
  const { ended } = ctx;
  const client = ctx.client();
  const delivery = await untilAborted(received, signal).catch((error: unknown) => {
    if (signal?.aborted) throw error;
    return undefined; // the receiver failed: finish by polling
  });
  const task = delivery ? await confirm(client, url, delivery, taskId).catch(() => undefined) : undefined;
  if (task && isTerminalStatus(task.status)) {
    ended.add(task);
    return delivery as Delivery;
  }
  try {
    ended.add(await client.tasks.wait(taskId, signal ? { signal } : {}));
  } catch (error) {
    if (!(error instanceof TaskFailedError || error instanceof TaskCancelledError)) throw error;
    ended.add(error.task);
  }
  return delivery ?? { headers: {}, body: { taskId } };
}
