// Before spending real credits: show what the selected scenarios will cost and ask. Never asks when
// stdin is not a terminal: then --yes is required, so a script cannot spend by accident.
import { createInterface } from 'node:readline/promises';
import type { Scenario } from './scenario.ts';

export async function confirmSpend(scenarios: Scenario[], yes = false): Promise<boolean> {
  const total = scenarios.reduce((sum, s) => sum + s.plannedCredits, 0);
  console.log(`  This run spends about ${total} credits on the real API.`);
  if (yes) return true;
  if (!process.stdin.isTTY) {
    console.error('  Not a terminal: pass --yes to confirm spending real credits.');
    return false;
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question('  Continue? [y/N] ');
  rl.close();
  return /^y(es)?$/i.test(answer.trim());
}
