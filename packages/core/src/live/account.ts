// The live API's account "doctor" (GET /api/v1/account): key valid, balance, models, key limits. Parsed
// leniently: the fields are optional and unknown ones are kept.
import { z } from 'zod';
import { MalformedResponseError } from '../errors';
import type { RequestEngine } from '../http/engine';

export interface AccountLimits {
  /** Credits the key may spend per day; -1 = unlimited. */
  dailyCreditLimit?: number;
  /** generate requests per minute; -1 = unlimited. */
  generationRequestsPerMinute?: number;
  /** The balance below which the service warns; -1 = never. */
  creditWarningAt?: number;
}

export interface Account {
  currentBalance?: number;
  supportedModels?: string[];
  limits: AccountLimits;
  [field: string]: unknown;
}

const count = z.number().finite().optional().catch(undefined);
const LIMIT_FIELDS = ['dailyCreditLimit', 'generationRequestsPerMinute', 'creditWarningAt'] as const;
const AccountSchema = z.looseObject({
  currentBalance: count,
  supportedModels: z.array(z.string()).optional().catch(undefined),
});

/** `once`: a single attempt (the probe after a lost generate answer must not hold up reconciliation). */
export async function fetchAccount(
  engine: RequestEngine,
  signal?: AbortSignal,
  once = false,
): Promise<Account> {
  const path = '/api/v1/account';
  const spec = { method: 'GET' as const, path, signal, limited: true };
  const json = await (once ? engine.attempt(spec) : engine.read(spec));
  const parsed = AccountSchema.safeParse(json);
  if (!parsed.success) {
    throw new MalformedResponseError(
      { status: 200, method: 'GET', path },
      engine.redact(JSON.stringify(json)),
    );
  }
  return { ...parsed.data, limits: readLimits(parsed.data) } as Account;
}

/** Key limits at the top level or under `limits` / `keyLimits` (the published notes disagree). */
function readLimits(body: Record<string, unknown>): AccountLimits {
  const nested = [body.limits, body.keyLimits].find((value) => value !== null && typeof value === 'object');
  const source = { ...(nested as Record<string, unknown> | undefined), ...body };
  const limits: AccountLimits = {};
  for (const field of LIMIT_FIELDS) {
    const value = source[field];
    if (typeof value === 'number' && Number.isFinite(value)) limits[field] = value;
  }
  return limits;
}
