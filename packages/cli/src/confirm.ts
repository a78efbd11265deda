// Spending guard: a task costing more than the threshold needs a yes. On a terminal the CLI asks;
// anywhere else (scripts, agents) it never waits for an answer that cannot come: it stops with exit
// code 8 and says to pass --yes, so a person or the agent's user decides.
import { createInterface } from 'node:readline';
import { CliError } from './errors';
import { EXIT } from './exit-codes';
import type { CliIo } from './io';

/** Tasks up to this many credits run without asking (t2v and i2v; every v3 and lv task asks). */
export const DEFAULT_MAX_CREDITS = 20;

export interface SpendRequest {
  model: string;
  credits: number;
  maxCredits: number;
  yes: boolean;
}

export async function confirmSpend(
  io: CliIo,
  { model, credits, maxCredits, yes }: SpendRequest,
): Promise<void> {
  if (yes || credits <= maxCredits) return;
  const details = { credits, maxCredits };
  if (!(io.stdin.isTTY && io.stderr.isTTY)) {
    throw new CliError(
      `This ${model} task costs ${credits} credits, more than --max-credits ${maxCredits}. ` +
        'Nothing was spent. Re-run with --yes to spend them (or raise --max-credits).',
      EXIT.notConfirmed,
      'confirmation_required',
      details,
    );
  }
  const answer = await ask(io, `This ${model} task costs ${credits} credits. Spend them? [y/N] `);
  if (!/^y(es)?$/i.test(answer.trim())) {
    throw new CliError('Not confirmed: nothing was spent.', EXIT.notConfirmed, 'not_confirmed', details);
  }
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
