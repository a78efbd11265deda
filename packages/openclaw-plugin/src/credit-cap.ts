// The spend one generateVideo may approve: the request's price, held to the plugin's maxCredits when
// one is set. A request dearer than the cap is refused before anything is sent.
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
