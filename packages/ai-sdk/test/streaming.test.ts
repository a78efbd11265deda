// Progress in streamText: each status change of the task arrives as a preliminary tool result, in
// order, before the one final result, which is what the model reads.
import { isStepCount, streamText, type TextStreamPart, type ToolSet } from 'ai';
import { expect, it } from 'vitest';
import { createAIVideoMakerTools, type VideoTaskOutput } from '../src/index';
import { clientFor, emulator, emulatorPerFile, scriptedModel, toolResultTexts } from './helpers';

const emu = emulatorPerFile(() => emulator(), false);

it('streamText shows a preliminary result for each status change before the final result', async () => {
  const model = scriptedModel([
    { toolCalls: [{ toolName: 'text_to_video', input: { prompt: 'A lighthouse at dusk' } }] },
    { text: 'Here it is.' },
  ]);
  const result = streamText({
    model,
    tools: createAIVideoMakerTools({ client: clientFor(emu) }),
    stopWhen: isStepCount(3),
    prompt: 'A lighthouse at dusk',
  });
  const results: Array<Extract<TextStreamPart<ToolSet>, { type: 'tool-result' }>> = [];
  for await (const part of result.fullStream) if (part.type === 'tool-result') results.push(part);

  const preliminary = results.filter((part) => part.preliminary);
  const final = results.filter((part) => !part.preliminary);
  expect(final).toHaveLength(1);
  expect(results.at(-1)).toBe(final[0]);
  const statuses = preliminary.map((part) => (part.output as VideoTaskOutput).status);
  // The last preliminary result is the final output itself (the AI SDK repeats the last yield).
  expect(statuses).toEqual(['SUBMITTED', 'PROGRESS', 'COMPLETED']);
  const [submitted, progress] = preliminary.map((part) => part.output as VideoTaskOutput);
  expect(submitted).toMatchObject({
    videoUrls: [],
    message: expect.stringMatching(/^Submitted t2v task \S+ \(5 credits\); generating takes minutes\.$/),
  });
  // Core's progress snapshot: the output's shape, with the message LangChain, Mastra and MCP stream too.
  expect(progress).toMatchObject({
    taskId: submitted?.taskId,
    status: 'PROGRESS',
    videoUrls: [],
    message: expect.stringMatching(/^Task \S+ is PROGRESS \(\d+ s elapsed\)\.$/),
  });
  const output = final[0]?.output as VideoTaskOutput;
  expect(output).toMatchObject({ taskId: submitted?.taskId, status: 'COMPLETED', creditsCharged: 5 });
  expect(output.videoUrls).toHaveLength(1);
  expect(toolResultTexts(model.doStreamCalls[1]!.prompt)).toEqual([
    expect.stringContaining(`video: ${output.videoUrls[0]}`),
  ]);
  expect(await result.text).toBe('Here it is.');
});
