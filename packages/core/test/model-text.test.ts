// Every text about models comes from the model table, narrowed to the allowed models: the tools'
// descriptions, JSON-schema enums and field help, and the "use X" hints of validation errors. And the
// list price refuses a duration in the very words generate does.
import type { Emulator } from '@aivideomaker/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DEFAULT_WAIT_TIMEOUT_MS,
  estimateCredits,
  InputValidationError,
  MODEL_NAMES,
  type ModelName,
} from '../src/index';
import { describeCredits, toWireInput } from '../src/internal';
import { durationAllowed } from '../src/model-table';
import { createVideoToolSpecs, formatToolError, type VideoToolSpec } from '../src/tools/index';
import { clientFor, emulator, PNG_DATA_URL } from './helpers';

let emu: Emulator;
beforeAll(async () => {
  emu = await emulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.clearRequests());

const CHOICES: ModelName[][] = [
  ['t2v'],
  ['t2v_v3', 'i2v'],
  ['minimax'],
  ['lv'],
  ['t2v', 'i2v_v3', 'lv'],
  // a tool with two models of different durations: the duration rule, not the enum, refuses
  ['t2v', 'minimax'],
  ['i2v', 'i2v_v3'],
  [...MODEL_NAMES],
];
/** Whether `text` names `model` as a word ("t2v" is not named by "t2v_v3"; "MiniMax" names minimax). */
const names = (text: string, model: string) => new RegExp(`(^|[^\\w])${model}($|[^\\w])`, 'i').test(text);
const schemaOf = (spec: VideoToolSpec) =>
  z.toJSONSchema(spec.inputSchema) as {
    properties: Record<string, { enum?: string[]; description?: string }>;
  };
/** Everything a model reads of a tool: title, description, input and output JSON Schemas. */
const toolText = (spec: VideoToolSpec) =>
  [
    spec.title,
    spec.description,
    JSON.stringify(schemaOf(spec)),
    JSON.stringify(z.toJSONSchema(spec.outputSchema)),
  ].join('\n');

function specsFor(allowedModels: ModelName[]): Record<string, VideoToolSpec> {
  const specs = createVideoToolSpecs({ client: clientFor(emu), allowedModels, wait: false });
  return Object.fromEntries(specs.map((spec) => [spec.name, spec]));
}

/** An input of each generation tool that is whole but for the duration. */
const ARGS: Record<string, Record<string, unknown>> = {
  text_to_video: { prompt: 'A red fox' },
  image_to_video: { image: PNG_DATA_URL, prompt: 'The fox runs' },
};

describe.each(CHOICES)('allowedModels %j', (...allowed) => {
  const disallowed = MODEL_NAMES.filter((model) => !allowed.includes(model));

  it('every tool text and JSON schema names only the allowed models', () => {
    const specs = specsFor(allowed);
    for (const spec of Object.values(specs)) {
      const text = toolText(spec);
      for (const model of disallowed)
        expect({ tool: spec.name, model, named: names(text, model) }).toEqual({
          tool: spec.name,
          model,
          named: false,
        });
    }
    const estimate = schemaOf(specs.estimate_video_credits!);
    expect(new Set(estimate.properties.model?.enum)).toEqual(new Set(allowed));
    for (const model of allowed) expect(names(specs.estimate_video_credits!.description, model)).toBe(true);
    expect('promptCount' in estimate.properties).toBe(allowed.includes('lv'));
    expect('duration' in estimate.properties).toBe(allowed.some((model) => model !== 'lv'));
    for (const tool of ['text_to_video', 'image_to_video'] as const) {
      const offered = allowed.filter((model) =>
        (tool === 'text_to_video' ? /^t2v|minimax/ : /^i2v|minimax/).test(model),
      );
      if (offered.length === 0) {
        expect(specs[tool]).toBeUndefined();
        continue;
      }
      const schema = schemaOf(specs[tool]!);
      expect(new Set(schema.properties.model?.enum)).toEqual(new Set(offered));
      for (const model of offered) expect(names(specs[tool]!.description, model)).toBe(true);
    }
    expect(specs.long_video === undefined).toBe(!allowed.includes('lv'));
  });

  it('a duration a model does not take is refused naming only allowed models, before any request', async () => {
    const specs = specsFor(allowed);
    let refused = 0;
    for (const [tool, args] of Object.entries(ARGS)) {
      const spec = specs[tool];
      if (!spec) continue;
      for (const model of schemaOf(spec).properties.model?.enum ?? []) {
        for (const duration of ['8', '10', '21'].filter((d) => !durationAllowed(model as ModelName, d))) {
          const call = { ...args, model, duration };
          const checks = [
            spec.execute(call).catch((e: unknown) => e),
            specs.estimate_video_credits!.execute({ model, duration }).catch((e: unknown) => e),
          ];
          for (const outcome of await Promise.all(checks)) {
            if (!(outcome instanceof InputValidationError)) continue;
            refused++;
            const text = formatToolError(outcome);
            for (const other of disallowed)
              expect({ text, other, named: names(text, other) }).toMatchObject({ named: false });
          }
          const issue = spec.inputSchema.safeParse(call).error?.issues[0]?.message ?? '';
          for (const other of disallowed)
            expect({ issue, other, named: names(issue, other) }).toMatchObject({ named: false });
        }
      }
    }
    if (allowed.some((model) => model !== 'lv')) expect(refused).toBeGreaterThan(0);
    expect(emu.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });
});

describe('the one default wait', () => {
  it('is what the generation tools tell the model they wait, unless the app sets another', () => {
    const minutes = DEFAULT_WAIT_TIMEOUT_MS / 60_000;
    for (const spec of createVideoToolSpecs({ apiKey: undefined }).filter((s) => s.paid)) {
      expect(spec.description).toContain(`waits for the video (up to ${minutes} min)`);
    }
    const [custom] = createVideoToolSpecs({ wait: { timeoutMs: 30_000 }, pick: ['text_to_video'] });
    expect(custom?.description).toContain('(up to 30 s)');
  });
});

describe('duration hints', () => {
  it('name the allowed models of the same kind that take the duration, with their price', () => {
    const refusal = (allowed: ModelName[]) => {
      try {
        toWireInput('t2v', { prompt: 'x', aspectRatio: '16:9', duration: '10' }, allowed);
      } catch (error) {
        return (error as InputValidationError).message;
      }
    };
    const base = 'Invalid duration: "10" is not allowed for model t2v. Allowed: "5", "8".';
    expect(refusal([...MODEL_NAMES])).toBe(
      `${base} Use t2v_v3 or minimax for 10 s videos (t2v_v3 10 credits/s, minimax 3-5 credits/s).`,
    );
    expect(refusal(['t2v', 't2v_v3'])).toBe(`${base} Use t2v_v3 for 10 s videos (t2v_v3 10 credits/s).`);
    expect(refusal(['t2v', 'minimax', 'i2v_v3'])).toBe(
      `${base} Use minimax for 10 s videos (minimax 3-5 credits/s).`,
    );
    expect(refusal(['t2v', 'i2v_v3'])).toBe(base);
  });
});

describe('estimateCredits', () => {
  /** Bad inputs, each added to a whole input of its model. */
  const BAD: [ModelName, Record<string, unknown>][] = [
    ['t2v', { duration: 10 }],
    ['t2v', { duration: '10' }],
    ['t2v', { duration: undefined }],
    ['t2v_v3', { duration: 8 }],
    ['i2v', { duration: '15' }],
    ['i2v_v3', { duration: 'long' }],
    ['minimax', { duration: 25 }],
    ['minimax', { duration: '4' }],
    ['minimax', { duration: 5.5 }],
    ['minimax', { duration: 'long' }],
  ];
  const WHOLE: Partial<Record<ModelName, Record<string, unknown>>> = {
    t2v: { prompt: 'x', aspectRatio: '16:9' },
    t2v_v3: { prompt: 'x', aspectRatio: '16:9' },
    i2v: { image: PNG_DATA_URL },
    i2v_v3: { image: PNG_DATA_URL },
    minimax: { content: 'x' },
  };

  it.each(BAD)('refuses %s %j in the words of generate, with the same hint', async (model, bad) => {
    const input = { ...WHOLE[model], ...bad };
    const generated = await clientFor(emu)
      .generate(model, input as never)
      .catch((e: unknown) => e);
    expect(generated).toBeInstanceOf(InputValidationError);
    let estimated: unknown;
    try {
      estimateCredits(model, input);
    } catch (error) {
      estimated = error;
    }
    expect(estimated).toBeInstanceOf(InputValidationError);
    const { message, field, allowed, detail } = generated as InputValidationError;
    expect(estimated).toMatchObject({ message, field, allowed, detail });
    expect(() => describeCredits(model, input)).toThrow(message);
    expect(emu.requests).toEqual([]);
  });

  it('is typed per model: a duration the model does not offer does not compile', () => {
    // @ts-expect-error t2v offers 5 or 8 s
    expect(() => estimateCredits('t2v', { duration: 10 })).toThrow(/Use t2v_v3 or minimax/);
    // @ts-expect-error lv is priced by its prompts, not a duration
    expect(() => estimateCredits('lv', { duration: '5' })).toThrow(/Invalid prompt/);
    // @ts-expect-error minimax's duration is a number of seconds
    expect(() => estimateCredits('minimax', { duration: 'long' })).toThrow(/Invalid duration/);
    expect(estimateCredits('t2v', { duration: 8 })).toBe(8);
    expect(estimateCredits('minimax', { duration: 10, resolution: '1080p' })).toBe(40);
    // A model known only at run time takes any input, checked at run time.
    const model = MODEL_NAMES[0] as ModelName;
    expect(() => estimateCredits(model, { duration: 10 })).toThrow(/Invalid duration/);
  });
});
