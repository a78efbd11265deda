// What the tools of one set share: one client (created on first use), one credit budget, the policy.
import { AIVideoMaker } from '../client';
import { InputValidationError } from '../errors';
import { MODEL_NAMES, type ModelName } from '../models';
import { DEFAULT_WAIT_TIMEOUT_MS } from '../watcher';
import { CreditBudget } from './budget';
import type { VideoToolSetOptions } from './types';

export interface ToolSetContext {
  client(): AIVideoMaker;
  budget: CreditBudget;
  allowedModels: readonly ModelName[];
  /** false: return right after submitting. */
  wait: false | { timeoutMs: number };
  localFiles: false | { roots: string[]; maxBytes?: number };
}

export function createToolSetContext(options: VideoToolSetOptions): ToolSetContext {
  const allowedModels = options.allowedModels ?? [...MODEL_NAMES];
  for (const model of allowedModels) {
    if (!(MODEL_NAMES as readonly string[]).includes(model)) {
      throw new InputValidationError('allowedModels', `${JSON.stringify(model)} is not a model`, MODEL_NAMES);
    }
  }
  let client = options.client;
  const wait = options.wait ?? true;
  return {
    // Created lazily: listing tools or estimating credits needs no key.
    client: () => {
      client ??= new AIVideoMaker({ apiKey: options.apiKey, baseUrl: options.baseUrl });
      return client;
    },
    budget: new CreditBudget(options.maxCreditsPerCall, options.maxCreditsTotal),
    allowedModels,
    wait:
      wait === false
        ? false
        : { timeoutMs: (wait === true ? undefined : wait.timeoutMs) ?? DEFAULT_WAIT_TIMEOUT_MS },
    localFiles: options.localFiles ?? false,
  };
}

/** The models of `family` this set allows, in the family's order. */
export function allowedOf(ctx: ToolSetContext, family: readonly ModelName[]): ModelName[] {
  return family.filter((model) => ctx.allowedModels.includes(model));
}

export function assertAllowed(model: ModelName, allowed: readonly ModelName[]): void {
  if (!allowed.includes(model)) {
    throw new InputValidationError('model', `"${model}" is not allowed here`, allowed);
  }
}
