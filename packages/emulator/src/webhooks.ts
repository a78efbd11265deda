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
      if (result.status !== undefined && result.status >= 200 && result.status < 300) return;
      if (attempt <= WEBHOOK_RETRIES)
        await this.timers.sleep((RETRY_BASE_MS * 2 ** (attempt - 1)) / this.speed);
    }
  }

  #timeoutMs(): number {
    return Math.max(250, ATTEMPT_TIMEOUT_MS / this.speed);
  }
}

/** A bare node:http POST without a keep-alive agent, so no pooled socket outlives the emulator. */
function postJson(
  url: string,
  body: WebhookPayload,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<{ status?: number; error?: string }> {
  const payload = JSON.stringify(body);
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    try {
      const req = send(url, {
        method: 'POST',
        agent: false,
        signal,
        timeout: timeoutMs,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          'user-agent': 'aivideomaker-emulator',
        },
      });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
        res.on('error', (error) => resolve({ error: error.message }));
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on('error', (error) => resolve({ error: error.message }));
      req.end(payload);
    } catch (error) {
      resolve({ error: (error as Error).message });
    }
  });
}
