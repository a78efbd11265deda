// `aivideomaker account`: the live API's account "doctor": is the key valid, the balance, the models the
// server offers and the key's limits. A server that implements only the documented API has no such
// route: that is said plainly (exit 0), since everything else still works there.
import { type Account, NotOfferedError } from '@aivideomaker/core';
import type { Command } from '../command';

const limitText = (value: number | undefined) =>
  value === undefined ? 'not stated' : value === -1 ? 'unlimited' : String(value);

export const account: Command = {
  name: 'account',
  args: '',
  summary: 'Check the API key: balance, supported models and key limits (free)',
  flags: {},
  examples: ['aivideomaker account', 'aivideomaker account --json'],
  async run(context) {
    let info: Account;
    try {
      info = await context.client().account(context.io.signal ? { signal: context.io.signal } : {});
    } catch (error) {
      if (!(error instanceof NotOfferedError)) throw error;
      context.print(
        { offered: false, message: error.message },
        `${error.message} Prices there are list-price estimates (aivideomaker estimate).`,
      );
      return;
    }
    const { limits } = info;
    context.print({ offered: true, ...info }, [
      `Key valid. Balance: ${info.currentBalance ?? 'not stated'} credits (1 credit = USD 0.01).`,
      `  models:             ${info.supportedModels?.join(', ') ?? 'not stated'}`,
      `  daily credit limit: ${limitText(limits.dailyCreditLimit)}`,
      `  generations/minute: ${limitText(limits.generationRequestsPerMinute)}`,
      `  warning below:      ${limitText(limits.creditWarningAt)} credits`,
    ]);
  },
};
