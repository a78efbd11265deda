// What the models of one provider share: one client (created on first use, so importing the default
// provider needs no key), hence one rate limiter and one watcher for all their status reads; the credit cap;
// the webhook bookkeeping.
import { AIVideoMaker } from '@aivideomaker/core';
import { CreditBudget } from '@aivideomaker/core/internal';
import { EndedTasks } from './ended-tasks';
import { WebhookCalls } from './webhook';

export interface ProviderContext {
  client(): AIVideoMaker;
  maxCreditsPerCall: number | undefined;
  webhooks: WebhookCalls;
  ended: EndedTasks;
}

export interface ProviderContextOptions {
  client?: AIVideoMaker | undefined;
  apiKey?: string | undefined;
  baseUrl?: string | undefined;
  maxCreditsPerCall?: number | undefined;
}

export function createProviderContext(options: ProviderContextOptions): ProviderContext {
  new CreditBudget(options.maxCreditsPerCall); // core's check of the cap, before anything else
  let client = options.client;
  return {
    client: () => {
      client ??= new AIVideoMaker({ apiKey: options.apiKey, baseUrl: options.baseUrl });
      return client;
    },
    maxCreditsPerCall: options.maxCreditsPerCall,
    webhooks: new WebhookCalls(),
    ended: new EndedTasks(),
  };
}
