// Spending guard: a task costing more than the threshold needs a yes. On a terminal the CLI asks;
// anywhere else (scripts, agents) it never waits for an answer that cannot come: it stops with exit
// code 8 and says to pass --yes, so a person or the agent's user decides. The price shown says where it
// comes from (the server's quote, or the list price when the server offers no quote), and the spend
// approved is what the server is told (X-Max-Credits), so it cannot charge more than was agreed.
import { createInterface } from 'node:readline';
import { CliError } from './errors';
import { EXIT } from './exit-codes';
import type { CliIo } from './io';

/** Tasks up to this many credits run without asking (t2v and i2v; every v3 and lv task asks). */
export const DEFAULT_MAX_CREDITS = 20;

export interface SpendRequest {
  model: string;
  credits: number;
  /** 'server': the server's quote; 'estimate': the list price computed locally. */
  source: 'server' | 'estimate';
  maxCredits: number;
  yes: boolean;
}

/** "15 credits (server quote)" / "5 credits (list-price estimate; the server gives no quote)". */
export function priceText(credits: number, source: 'server' | 'estimate'): string {
  return `${credits} credits (${source === 'server' ? 'server quote' : 'list-price estimate; the server gives no quote'})`;
}

/** Resolves with the approved spend (sent as X-Max-Credits): the threshold when under it, else the price. */
export async function confirmSpend(
  io: CliIo,
  { model, credits, source, maxCredits, yes }: SpendRequest,
): Promise<number> {
  if (credits <= maxCredits) return maxCredits;
  if (yes) return credits;
  const details = { credits, source, maxCredits };
  const price = priceText(credits, source);
  if (!(io.stdin.isTTY && io.stderr.isTTY)) {
    throw new CliError(
      `This ${model} task costs ${price}, more than --max-credits ${maxCredits}. ` +
        'Nothing was spent. Re-run with --yes to spend them (or raise --max-credits).',
      EXIT.notConfirmed,
      'confirmation_required',
      details,
    );
  }
  const answer = await ask(io, `This ${model} task costs ${price}. Spend them? [y/N] `);
  if (!/^y(es)?$/i.test(answer.trim())) {
    throw new CliError('Not confirmed: nothing was spent.', EXIT.notConfirmed, 'not_confirmed', details);
  }
  return credits;
}

async function ask(io: CliIo, question: string): Promise<string> {
  const prompt = createInterface({ input: io.stdin, terminal: false });
  const close = () => prompt.close();
  io.signal?.addEventListener('abort', close, { once: true });
  try {
    io.stderr.write(question);
    return await new Promise<string>((resolve) => {
      prompt.once('line', resolve);
      prompt.once('close', () => resolve(''));
    });
  } finally {
    io.signal?.removeEventListener('abort', close);
    prompt.close();
  }
}
