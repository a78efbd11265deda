// The price of a generation before paying: the live API's non-billable quote where the server offers it,
// else the local list-price estimate, marked as such. Input is validated locally first (nothing is sent
// for bad input); a server without the route is asked once per client (LiveFeatures).
import { estimateCredits } from '../credits';
import { MalformedResponseError, NotOfferedError } from '../errors';
import type { RequestEngine } from '../http/engine';
import type { ModelName } from '../models';
import type { LiveFeatures } from './features';

export interface Quote {
  model: ModelName;
  /** The price in credits. */
  credits: number;
  /** 'server': the server's quote (the authority); 'estimate': the local list price (no quote route). */
  source: 'server' | 'estimate';
  /** From the server: whether the balance covers the price. */
  affordable?: boolean;
  /** From the server: the account's balance. */
  currentBalance?: number;
  [field: string]: unknown;
}

export async function fetchQuote(
  engine: RequestEngine,
  features: LiveFeatures,
  model: ModelName,
  body: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<Quote> {
  const path = `/api/v1/quote/${model}`;
  const estimate = (): Quote => ({ model, credits: estimateCredits(model, body), source: 'estimate' });
  let json: unknown;
  try {
    // Not billable and changes nothing: safe to retry like a read.
    json = await features.use('quote', () =>
      engine.read({ method: 'POST', path, body, signal, limited: true }),
    );
  } catch (error) {
    if (error instanceof NotOfferedError) return estimate();
    throw error;
  }
  const answer = json as Record<string, unknown>;
  const credits = answer.credits;
  if (typeof credits !== 'number' || !Number.isFinite(credits) || credits < 0) {
    throw new MalformedResponseError(
      { status: 200, method: 'POST', path },
      engine.redact(JSON.stringify(json)),
    );
  }
  return {
    ...answer,
    model,
    credits,
    source: 'server',
    ...(typeof answer.affordable === 'boolean' ? { affordable: answer.affordable } : {}),
    ...(typeof answer.currentBalance === 'number' ? { currentBalance: answer.currentBalance } : {}),
  };
}
