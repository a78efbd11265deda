// Failures come back to the model as tool errors it can read and act on, and never carry the key:
// a budget refusal, an invalid duration the model corrects, an account without enough credits.
import type { LanguageModelV4Prompt } from '@ai-sdk/provider';
import { inputErrorLine } from '@aivideomaker/core/internal';
import { createVideoToolSpecs } from '@aivideomaker/core/tools';
import { generateText, isStepCount } from 'ai';
import { expect, it } from 'vitest';
import { AIVideoMakerToolError, type AIVideoMakerToolsOptions, createAIVideoMakerTools } from '../src/index';
import {
  clientFor,
  emulator,
  emulatorPerFile,
  generateRequests,
  KEY,
  scriptedModel,
  toolResultTexts,
} from './helpers';

const emu = emulatorPerFile(() => emulator());

/** A model that calls text_to_video with `first`, then (if the tool failed) with `retry`, then answers. */
function retryingModel(first: object, retry: object) {
  const lastResult = (seen: LanguageModelV4Prompt) => toolResultTexts(seen).at(-1) ?? '';
  return scriptedModel([
    { toolCalls: [{ toolName: 'text_to_video', input: first }] },
    (seen) =>
      lastResult(seen).includes('Error')
        ? { toolCalls: [{ toolName: 'text_to_video', input: retry }] }
        : { text: 'no retry needed' },
    (seen) => ({ text: lastResult(seen) }),
  ]);
}

async function run(model: ReturnType<typeof scriptedModel>, options: AIVideoMakerToolsOptions = {}) {
  const tools = createAIVideoMakerTools({ client: clientFor(emu), ...options });
  const result = await generateText({ model, tools, stopWhen: isStepCount(5), prompt: 'A video of rain' });
  expect(JSON.stringify([result.content, result.responseMessages, model.doGenerateCalls])).not.toContain(KEY);
  return result;
}

it('a budget refusal reaches the model before any request, and a cheaper retry goes through', async () => {
  const model = retryingModel({ prompt: 'Rain', model: 't2v_v3', duration: '5' }, { prompt: 'Rain' });
  const result = await run(model, { maxCreditsPerCall: 10 });

  const [refusal] = toolResultTexts(model.doGenerateCalls[1]!.prompt);
  expect(refusal).toMatch(
    /^Error \(budget_exceeded\): .*50 credits.*10-credit limit per call; nothing was submitted/,
  );
  const error = result.content.find((part) => part.type === 'tool-error')?.error;
  expect(error).toBeInstanceOf(AIVideoMakerToolError);
  expect(error).toMatchObject({ code: 'budget_exceeded', message: refusal });
  expect(generateRequests(emu).map((request) => request.model)).toEqual(['t2v']);
  expect(result.text).toMatch(/COMPLETED.*5 credits/);
});

it('a duration the model does not offer comes back with the allowed values, and the model corrects it', async () => {
  const model = retryingModel({ prompt: 'Rain', duration: '10' }, { prompt: 'Rain', duration: '8' });
  const result = await run(model);

  const [invalid] = toolResultTexts(model.doGenerateCalls[1]!.prompt);
  // Core's one line, not the SDK's JSON dump of the schema issues.
  expect(invalid).toMatch(
    /^Error \(invalid_input\): Invalid duration: "10" is not allowed for model t2v\. Allowed: "5", "8"\. [^\n]+$/,
  );
  expect(generateRequests(emu).map((request) => request.body)).toEqual([
    { prompt: 'Rain', aspectRatio: '16:9', duration: '8' },
  ]);
  expect(result.text).toMatch(/COMPLETED.*8 credits/);
});

it('insufficient credits: the model is told to top up or go cheaper, and nothing was charged', async () => {
  const balance = emu.ledger.balance(KEY);
  emu.ledger.setBalance(KEY, 3);
  try {
    const model = scriptedModel([
      { toolCalls: [{ toolName: 'text_to_video', input: { prompt: 'Rain' } }] },
      (seen) => ({ text: toolResultTexts(seen).join(' ') }),
    ]);
    const result = await run(model);
    expect(result.text).toMatch(/^Error \(insufficient_credits\): .*nothing was charged.*top up/);
    expect(generateRequests(emu)).toHaveLength(1);
    expect(result.content.find((part) => part.type === 'tool-error')?.error).toMatchObject({
      code: 'insufficient_credits',
    });
    expect(emu.ledger.balance(KEY)).toBe(3);
  } finally {
    emu.ledger.setBalance(KEY, balance);
  }
});

// The same bad arguments as in the LangChain, Mastra and MCP tests: each adapter shows the model core's line.
const [textToVideo] = createVideoToolSpecs();
it.each([{ prompt: 'A fox', duration: 7 }, { duration: '5' }])(
  "bad arguments %j: the model reads core's one line, the app gets code invalid_input, nothing is sent",
  async (input) => {
    const model = scriptedModel([
      { toolCalls: [{ toolName: 'text_to_video', input }] },
      (seen) => ({ text: toolResultTexts(seen).join(' ') }),
    ]);
    const result = await run(model);
    const line = inputErrorLine(textToVideo!.inputSchema, input);
    expect(line).toMatch(/^Error \(invalid_input\): Invalid (duration|prompt): [^\n]+ Fix the input/);
    expect(toolResultTexts(model.doGenerateCalls[1]!.prompt)).toEqual([line]);
    const error = result.content.find((part) => part.type === 'tool-error')?.error;
    expect(error).toBeInstanceOf(AIVideoMakerToolError);
    expect(error).toMatchObject({ code: 'invalid_input', message: line });
    expect(emu.requests).toEqual([]);
  },
);
