// Webhook notifications: one POST per status change, delivered in order per task, retried with backoff
// (compressed by `speed`). A failing receiver is recorded, never thrown: it cannot break the emulator.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { TaskOutput, TaskRecord, TaskStatus } from './tasks';
import type { Timers } from './timers';

export interface WebhookPayload {
  taskId: string;
  status: TaskStatus;
  model: string;
  createdAt: string;
  completedAt: string | null;
  output: TaskOutput | null;
}

export interface WebhookDelivery {
  url: string;
  body: WebhookPayload;
  /** The receiver's HTTP status, when it answered. */
  status?: number;
  /** Why the attempt failed without an answer (connection refused, timeout, ...). */
  error?: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** Epoch milliseconds. */
  at: number;
}

/** First attempt plus this many retries, waiting 1 s, 2 s, 4 s (divided by speed) between them. */
export const WEBHOOK_RETRIES = 3;
const RETRY_BASE_MS = 1_000;
const ATTEMPT_TIMEOUT_MS = 10_000;
/** The delivery log (`emu.webhooks`) keeps this many newest attempts. */
export const MAX_DELIVERIES_KEPT = 10_000;

export class WebhookSender {
  readonly deliveries: WebhookDelivery[] = [];
  readonly #queues = new Map<string, Promise<void>>();
  readonly #aborts = new AbortController();

  constructor(
    private readonly timers: Timers,
    private readonly speed: number,
  ) {}

  notify(task: TaskRecord): void {
    if (!task.webhookUrl) return;
    const url = task.webhookUrl;
    const body: WebhookPayload = {
      taskId: task.id,
      status: task.status,
      model: task.model,
      createdAt: task.createdAt,
      completedAt: task.completedAt,
      output: task.output && { ...task.output },
    };
    const previous = this.#queues.get(task.id) ?? Promise.resolve();
    const next = previous.then(() => this.#deliver(url, body));
    this.#queues.set(task.id, next);
    // Forget a task's queue once it has drained, so finished tasks hold no memory here.
    next.then(() => {
      if (this.#queues.get(task.id) === next) this.#queues.delete(task.id);
    });
  }

  close(): void {
    this.#aborts.abort();
  }

  async #deliver(url: string, body: WebhookPayload): Promise<void> {
    for (let attempt = 1; attempt <= WEBHOOK_RETRIES + 1; attempt++) {
      if (this.#aborts.signal.aborted) return;
      const result = await postJson(url, body, this.#timeoutMs(), this.#aborts.signal);
      if (this.#aborts.signal.aborted) return;
      this.deliveries.push({ url, body, ...result, attempt, at: Date.now() });
      // A ring too, like the request log: a long run keeps the newest attempts only.
      if (this.deliveries.length > MAX_DELIVERIES_KEPT)
        this.deliveries.splice(0, this.deliveries.length - MAX_DELIVERIES_KEPT);
      if (result.status !== undefined && result.status >= 200 && result.status < 300) return;
      if (attempt <= WEBHOOK_RETRIES)
        await this.timers.sleep((RETRY_BASE_MS * 2 ** (attempt - 1)) / this.speed);
    }
  }

  #timeoutMs(): number {
    // At least 1 s: the deadline covers the whole answer, and a loaded CI machine is slow to give one.
    return Math.max(1_000, ATTEMPT_TIMEOUT_MS / this.speed);
  }
}

/**
 * A bare node:http POST without a keep-alive agent, so no pooled socket outlives the emulator. The
 * attempt has a total deadline, from connecting to the end of the answer: an idle timeout would let a
 * receiver that drips its answer hold the task's later notifications forever.
 */
function postJson(
  url: string,
  body: WebhookPayload,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<{ status?: number; error?: string }> {
  const payload = JSON.stringify(body);
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let deadline: ReturnType<typeof setTimeout> | undefined;
    const settle = (result: { status?: number; error?: string }) => {
      clearTimeout(deadline);
      resolve(result);
    };
    try {
      const req = send(url, {
        method: 'POST',
        agent: false,
        signal,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          'user-agent': 'aivideomaker-emulator',
        },
      });
      deadline = setTimeout(() => {
        // Settled first, so whatever error the destroyed socket reports next cannot replace the reason.
        settle({ error: `no complete answer within ${Math.round(timeoutMs)} ms` });
        req.destroy();
      }, timeoutMs);
      deadline.unref();
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => settle({ status: res.statusCode ?? 0 }));
        res.on('error', (error) => settle({ error: error.message }));
        res.on('close', () => {
          if (!res.complete) settle({ error: 'the answer was cut short' });
        });
      });
      req.on('error', (error) => settle({ error: error.message }));
      req.end(payload);
    } catch (error) {
      settle({ error: (error as Error).message });
    }
  });
}
