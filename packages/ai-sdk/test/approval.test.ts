// Approval of paid calls, the AI SDK 7 way: `toolApproval` on the call pauses the run with a
// tool-approval-request; the app answers with a tool-approval-response in the next call. The
// `needsApproval` option marks defaults that a call's `toolApproval` overrides.
import { generateText, isStepCount, type ModelMessage, type ToolApprovalConfiguration } from 'ai';
import { describe, expect, it } from 'vitest';
import { type AIVideoMakerTools, createAIVideoMakerTools, paidToolApproval } from '../src/index';
import {
  clientFor,
  emulator,
  emulatorPerFile,
  generateRequests,
  type Step,
  scriptedModel,
  toolResultTexts,
} from './helpers';

const emu = emulatorPerFile(() => emulator());

const prompt = 'Make a video of a paper boat on a river';
const callTextToVideo: Step = {
  toolCalls: [{ toolName: 'text_to_video', input: { prompt: 'A paper boat on a river' } }],
};

/** Runs the first turn, answers its approval request, runs the second turn. */
async function approvalRoundTrip(
  approved: boolean,
  tools: AIVideoMakerTools,
  toolApproval?: ToolApprovalConfiguration<AIVideoMakerTools, never>,
) {
  const model = scriptedModel([callTextToVideo, (seen) => ({ text: toolResultTexts(seen).join(' ') })]);
  const settings = { model, tools, stopWhen: isStepCount(5), ...(toolApproval ? { toolApproval } : {}) };
  const first = await generateText({ ...settings, prompt });
  const request = first.content.find((part) => part.type === 'tool-approval-request');
  const requestsBeforeAnswer = generateRequests(emu).length;
  const messages: ModelMessage[] = [
    { role: 'user', content: prompt },
    ...first.responseMessages,
    {
      role: 'tool',
      content: [{ type: 'tool-approval-response', approvalId: request?.approvalId ?? '', approved }],
    },
  ];
  const second = await generateText({ ...settings, messages });
  return { first, request, requestsBeforeAnswer, second };
}

describe('approval per call (toolApproval)', () => {
  const tools = () => createAIVideoMakerTools({ client: clientFor(emu) });

  it('pauses before the paid call; once approved, the video is made', async () => {
    const run = await approvalRoundTrip(true, tools(), { text_to_video: 'user-approval' });
    expect(run.first.finishReason).toBe('tool-calls');
    expect(run.request).toMatchObject({ toolCall: { toolName: 'text_to_video' } });
    expect(run.request?.isAutomatic).toBeFalsy();
    expect(run.requestsBeforeAnswer).toBe(0);
    expect(generateRequests(emu).map((request) => request.body)).toEqual([
      { prompt: 'A paper boat on a river', aspectRatio: '16:9', duration: '5' },
    ]);
    // The approved call's result is in responseMessages (not steps) and was shown to the model.
    expect(JSON.stringify(run.second.responseMessages[0])).toMatch(/"tool-result".+COMPLETED; model t2v/);
    expect(run.second.text).toMatch(/COMPLETED.*video: http.+\.mp4/);
  });

  it('denied: nothing is sent to the API and the model learns the call was denied', async () => {
    const run = await approvalRoundTrip(false, tools(), { text_to_video: 'user-approval' });
    expect(run.request).toBeDefined();
    expect(generateRequests(emu)).toEqual([]);
    expect(emu.requests).toEqual([]);
    const toolMessage = run.second.responseMessages.find((message) => message.role === 'tool');
    expect(JSON.stringify(toolMessage)).toContain('execution-denied');
  });

  it('paidToolApproval(tools) asks for the paid tools only', async () => {
    const set = tools();
    expect(paidToolApproval(set)).toEqual({
      text_to_video: 'user-approval',
      image_to_video: 'user-approval',
      long_video: 'user-approval',
    });
    expect(paidToolApproval(set, 'denied')).toMatchObject({ text_to_video: 'denied' });
    const run = await approvalRoundTrip(true, set, paidToolApproval(set));
    expect(run.request).toBeDefined();
    expect(generateRequests(emu)).toHaveLength(1);
  });
});

describe('the needsApproval option', () => {
  it("'paid' asks before a paid tool without any call-level setting", async () => {
    const tools = createAIVideoMakerTools({ client: clientFor(emu), needsApproval: 'paid' });
    const run = await approvalRoundTrip(true, tools);
    expect(run.request).toMatchObject({ toolCall: { toolName: 'text_to_video' } });
    expect(run.requestsBeforeAnswer).toBe(0);
    expect(generateRequests(emu)).toHaveLength(1);
  });

  it('asks nobody about a call with bad arguments: the model reads the one line, nothing is sent', async () => {
    const tools = createAIVideoMakerTools({ client: clientFor(emu), needsApproval: 'paid' });
    const model = scriptedModel([
      { toolCalls: [{ toolName: 'text_to_video', input: { prompt: 'A paper boat', duration: '7' } }] },
      (seen) => ({ text: toolResultTexts(seen).join(' ') }),
    ]);
    const result = await generateText({ model, tools, stopWhen: isStepCount(5), prompt });
    expect(result.content.filter((part) => part.type === 'tool-approval-request')).toEqual([]);
    expect(result.text).toMatch(/^Error \(invalid_input\): Invalid duration: .*7.*Fix the input/);
    expect(emu.requests).toEqual([]);
  });

  it("leaves free tools alone, and a call's toolApproval takes precedence", async () => {
    const tools = createAIVideoMakerTools({ client: clientFor(emu), needsApproval: 'paid' });
    const model = scriptedModel([
      {
        toolCalls: [
          { toolName: 'estimate_video_credits', input: { model: 't2v', duration: '5' } },
          { toolName: 'text_to_video', input: { prompt: 'A paper boat' } },
        ],
      },
      { text: 'ok' },
    ]);
    const result = await generateText({
      model,
      tools,
      stopWhen: isStepCount(5),
      prompt,
      toolApproval: { text_to_video: 'approved' },
    });
    expect(result.content.filter((part) => part.type === 'tool-approval-request')).toEqual([
      expect.objectContaining({
        isAutomatic: true,
        toolCall: expect.objectContaining({ toolName: 'text_to_video' }),
      }),
    ]);
    expect(result.toolResults.map((part) => part.toolName).sort()).toEqual([
      'estimate_video_credits',
      'text_to_video',
    ]);
    expect(generateRequests(emu)).toHaveLength(1);
  });
});
