// The V4 video model: doStart submits one task (validated, priced and capped before the paid request, sent
// with the SDK's idempotency key and the cap as X-Max-Credits), doStatus checks it through the provider's
// one client, handleWebhookOption lets the SDK wait for the API's webhook instead of polling. `operation`
// is just { taskId }: any process with a key can finish the job.
import type {
  Experimental_VideoModelV4OperationStartResult as StartResult,
  Experimental_VideoModelV4OperationStatusResult as StatusResult,
  Experimental_VideoModelV4 as VideoModelV4,
} from '@ai-sdk/provider';
import {
  estimateCredits,
  InputValidationError,
  type ModelInput,
  type ModelName,
  withWebhookToken,
} from '@aivideomaker/core';
import { CreditBudget } from '@aivideomaker/core/internal';
import { mapCallOptions } from './call-input';
import type { ProviderContext } from './context';
import { checkTask, toStatusResult } from './status';
import { untilEnded } from './webhook';

type StartOptions = Parameters<NonNullable<VideoModelV4['doStart']>>[0];
type StatusOptions = Parameters<NonNullable<VideoModelV4['doStatus']>>[0];
type WebhookOptions = Parameters<NonNullable<VideoModelV4['handleWebhookOption']>>[0];

/** The task id of an operation from doStart: `{ taskId }` (a bare id string is accepted too). */
function taskIdOf(operation: unknown): string {
  const taskId =
    typeof operation === 'string' ? operation : (operation as { taskId?: unknown } | null)?.taskId;
  if (typeof taskId !== 'string') {
    throw new InputValidationError(
      'operation',
      'expected the { taskId } that experimental_startVideo returned',
    );
  }
  return taskId;
}

/** A header of the call, whatever its case (the SDK sends `idempotency-key`; a caller may send its own). */
function headerOf(headers: Record<string, string | undefined> | undefined, name: string): string | undefined {
  return Object.entries(headers ?? {}).find(([key, value]) => key.toLowerCase() === name && value)?.[1];
}

/** The stricter of the provider's and the call's credit caps. */
function creditCap(...caps: Array<number | undefined>): number | undefined {
  const set = caps.filter((cap): cap is number => cap !== undefined);
  return set.length > 0 ? Math.min(...set) : undefined;
}

export class AIVideoMakerVideoModel implements VideoModelV4 {
  readonly specificationVersion = 'v4';
  readonly provider = 'aivideomaker';
  /** One task makes one video: the SDK makes one call per video asked for. */
  readonly maxVideosPerCall = 1;
  readonly modelId: ModelName;
  readonly #ctx: ProviderContext;

  constructor(modelId: ModelName, ctx: ProviderContext) {
    this.modelId = modelId;
    this.#ctx = ctx;
  }

  #response() {
    return { timestamp: new Date(), modelId: this.modelId, headers: undefined };
  }

  async handleWebhookOption({ webhook }: WebhookOptions) {
    const { url, received } = await webhook();
    const started = this.#ctx.webhooks.expect(url);
    // The SDK may never await this (doStart failed first): an unobserved rejection must not crash anything.
    const ended = untilEnded(this.#ctx, url, received, started);
    ended.catch(() => {});
    return { webhookUrl: url, received: ended };
  }

  async doStart(options: StartOptions): Promise<StartResult> {
    const model = this.modelId;
    try {
      const { input, options: own, warnings } = await mapCallOptions(model, options);
      const credits = estimateCredits(model, input);
      const cap = creditCap(this.#ctx.maxCreditsPerCall, own.maxCredits);
      new CreditBudget(cap).reserve(credits, `This ${model} video`);
      const idempotencyKey = headerOf(options.headers, 'idempotency-key');
      const webhookUrl =
        options.webhookUrl && own.webhookToken
          ? withWebhookToken(options.webhookUrl, own.webhookToken)
          : options.webhookUrl;
      const { taskId } = await this.#ctx.client().generate(model, input as ModelInput<ModelName>, {
        ...(webhookUrl ? { webhookUrl } : {}),
        ...(options.abortSignal ? { signal: options.abortSignal } : {}),
        // One key per logical start (the SDK's, or the caller's): a resend, here or from another process
        // with the same key, gets the same task from a server that honours keys, never a second charge.
        ...(idempotencyKey ? { idempotencyKey } : {}),
        // The server enforces the cap too (X-Max-Credits), against its own price.
        ...(cap !== undefined ? { maxCredits: Math.floor(cap) } : {}),
      });
      this.#ctx.webhooks.started(options.webhookUrl, { taskId, signal: options.abortSignal });
      return {
        operation: { taskId },
        warnings,
        providerMetadata: { aivideomaker: { taskId, model, estimatedCredits: credits } },
        response: this.#response(),
      };
    } catch (error) {
      this.#ctx.webhooks.failed(options.webhookUrl, error);
      throw error;
    }
  }

  async doStatus({ operation, abortSignal }: StatusOptions): Promise<StatusResult> {
    const taskId = taskIdOf(operation);
    const found = this.#ctx.ended.get(taskId) ?? (await checkTask(this.#ctx.client(), taskId, abortSignal));
    return toStatusResult(found, this.#response());
  }
}
