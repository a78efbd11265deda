// The spend one generateVideo approves, sent as X-Max-Credits: the quoted price of the request, or the
// plugin's maxCredits when one is set. A request whose price is over maxCredits is refused before it is
// submitted (only the non-billable quote was asked).
import { BudgetExceededError, type ModelName } from '@aivideomaker/core';

export function creditCap(model: ModelName, credits: number, maxCredits: number | undefined): number {
  if (maxCredits !== undefined && credits > maxCredits) {
    throw new BudgetExceededError(
      `This ${model} video costs ${credits} credits, more than the ${maxCredits} allowed by plugins.entries.aivideomaker.config.maxCredits; nothing was submitted. Choose a shorter duration or raise maxCredits.`,
      credits,
      maxCredits,
    );
  }
  return maxCredits ?? credits;
}
