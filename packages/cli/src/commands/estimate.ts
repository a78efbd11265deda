import { estimateCredits, type ModelInput, type ModelName } from '@aivideomaker/core';
import { describeCredits, toWireInput } from '@aivideomaker/core/internal';
import { expectPositionals } from '../args';
import type { Command, CommandContext } from '../command';
import { MODEL_FLAGS, modelFieldHelp } from '../model-fields';
import { modelInput, parseModel } from '../model-input';

export const estimate: Command = {
  name: 'estimate',
  args: '<model>',
  summary:
    "Show what a task would cost (the server's free quote with a key and a full input; else the list price, offline)",
  flags: MODEL_FLAGS,
  details: modelFieldHelp,
  examples: [
    'aivideomaker estimate t2v_v3 --duration 10',
    'aivideomaker estimate lv --prompt "Dawn" --prompt "Noon" --prompt "Dusk"',
  ],
  async run(context, parsed) {
    const [name] = expectPositionals(parsed, ['model'], 'estimate');
    const model = parseModel(name, 'estimate');
    const input = await modelInput(model, parsed.values, {
      command: 'estimate',
      cwd: context.io.cwd,
      readImages: false,
    });
    const formula = describeCredits(model, input);
    const quoted = await serverQuote(context, model, input);
    const credits = quoted ?? estimateCredits(model, input);
    const source = quoted === undefined ? 'estimate' : 'server';
    const human =
      quoted === undefined
        ? `${model}: ${formula}`
        : `${model}: ${credits} credits (server quote; list price ${formula})`;
    context.print({ model, credits, source, formula }, human);
  },
};

/** The server's quote when a key is set and the input is complete; undefined means "use the list price". */
async function serverQuote(
  context: CommandContext,
  model: ModelName,
  input: Record<string, unknown>,
): Promise<number | undefined> {
  if (!context.io.env.AIVIDEOMAKER_API_KEY?.trim()) return undefined;
  let wire: ModelInput<ModelName>;
  try {
    wire = toWireInput(model, input) as ModelInput<ModelName>;
  } catch {
    return undefined; // a partial input (only --duration) is priced offline
  }
  const quote = await context
    .client()
    .quote(model, wire, context.io.signal ? { signal: context.io.signal } : {});
  return quote.source === 'server' ? quote.credits : undefined;
}
