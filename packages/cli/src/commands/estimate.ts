import { describeCredits, estimateCredits } from '@aivideomaker/core';
import { expectPositionals } from '../args';
import type { Command } from '../command';
import { MODEL_FLAGS, modelFieldHelp } from '../model-fields';
import { modelInput, parseModel } from '../model-input';

export const estimate: Command = {
  name: 'estimate',
  args: '<model>',
  summary: 'Show what a task would cost, offline (no key needed, nothing spent)',
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
    const credits = estimateCredits(model, input);
    const formula = describeCredits(model, input);
    context.print({ model, credits, formula }, `${model}: ${formula}`);
  },
};
