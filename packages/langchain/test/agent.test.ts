// The tools inside LangChain's real agent loop (createAgent + an offline scripted model) against the
// emulator over HTTP: what the emulator received, what the model read, what the app got as artifact.

import { inputErrorLine } from '@aivideomaker/core/internal';
import { createVideoToolSpecs } from '@aivideomaker/core/tools';
import { AIMessage, ToolMessage } from '@langchain/core/messages';
import { fakeModel } from '@langchain/core/testing';
import { createAgent } from 'langchain';
import { describe, expect, it } from 'vitest';
import {
  AIVideoMakerToolError,
  type AIVideoMakerToolsOptions,
  createAIVideoMakerTools,
  isVideoProgressEvent,
  VIDEO_PROGRESS_EVENT,
  type VideoProgressEvent,
} from '../src/index';
import { clientFor, emulator, emulatorPerFile, KEY, posts, serialized, userAsks } from './helpers';

const emu = emulatorPerFile(() => emulator());

function agentCalling(
  calls: { name: string; args: Record<string, unknown> }[],
  options: AIVideoMakerToolsOptions = {},
) {
  const model = fakeModel();
  for (const [i, call] of calls.entries()) model.respondWithTools([{ ...call, id: `call_${i}` }]);
  model.respond(new AIMessage('Here is your video.'));
  const agent = createAgent({
    model,
    tools: createAIVideoMakerTools({ client: clientFor(emu), ...options }),
  });
  return { agent, model };
}

const toolMessages = (messages: unknown[]) =>
  messages.filter((m): m is ToolMessage => ToolMessage.isInstance(m));

describe('createAgent with the video tools', () => {
  it('calls text_to_video, sends the documented request and gets the video URL back', async () => {
    const { agent, model } = agentCalling([
      { name: 'text_to_video', args: { prompt: 'A red fox in snow', aspectRatio: '9:16', duration: '8' } },
    ]);
    const result = await agent.invoke(userAsks('Make a fox video'));

    const [post] = posts(emu);
    expect(post).toMatchObject({ path: '/api/v1/generate/t2v', status: 200 });
    expect(post?.headers.key).toBe(KEY);
    expect(JSON.parse(post?.body ?? '')).toEqual({
      prompt: 'A red fox in snow',
      aspectRatio: '9:16',
      duration: '8',
    });

    const [message] = toolMessages(result.messages);
    const [task] = emu.tasks(KEY);
    const videoUrl = `${emu.url}/files/${task?.id}.mp4`;
    expect(message?.status).toBe('success');
    expect(message?.content).toContain(videoUrl);
    expect(message?.artifact).toMatchObject({
      taskId: task?.id,
      status: 'COMPLETED',
      model: 't2v',
      creditsCharged: 8,
      videoUrls: [videoUrl],
    });
    // The model's second turn read the short text, not the artifact.
    expect(model.callCount).toBe(2);
    expect(JSON.stringify(model.calls[1]?.messages.at(-1)?.content)).toContain(videoUrl);
    expect(result.messages.at(-1)?.content).toBe('Here is your video.');
    expect(serialized(result.messages)).not.toContain(KEY);
  });

  it('streams each status change in custom mode, and as custom events', async () => {
    const call = { name: 'text_to_video', args: { prompt: 'A lighthouse at dusk' } };
    const chunks: unknown[] = [];
    for await (const chunk of await agentCalling([call]).agent.stream(userAsks('video'), {
      streamMode: 'custom',
    })) {
      chunks.push(chunk);
    }
    expect(chunks.every(isVideoProgressEvent)).toBe(true);
    const progress = chunks as VideoProgressEvent[];
    expect(progress.map((chunk) => chunk.data.status)).toEqual(['SUBMITTED', 'PROGRESS', 'COMPLETED']);
    // Core's payload, exactly (the same object Mastra's writer streams), with core's messages.
    const taskId = progress[0]?.data.taskId;
    expect(progress[1]).toEqual({
      type: 'data-video-progress',
      data: {
        tool: 'text_to_video',
        toolCallId: 'call_0',
        taskId,
        status: 'PROGRESS',
        elapsedMs: expect.any(Number),
        message: expect.stringMatching(/^Task \S+ is PROGRESS \(\d+ s elapsed\)\.$/),
      },
    });
    expect(progress[0]?.data.message).toMatch(
      /^Submitted t2v task \S+ \(5 credits\); generating takes minutes\.$/,
    );

    const events: unknown[] = [];
    const run = agentCalling([call]).agent.streamEvents(userAsks('video'), { version: 'v2' });
    for await (const event of run) {
      if (event.event === 'on_custom_event' && event.name === VIDEO_PROGRESS_EVENT) events.push(event.data);
    }
    expect(events.filter(isVideoProgressEvent).map((event) => event.data.status)).toEqual(
      progress.map((chunk) => chunk.data.status),
    );
  });

  it('gives the model one line naming the invalid argument, sends nothing, and goes on', async () => {
    const { agent } = agentCalling([{ name: 'text_to_video', args: { prompt: 'A fox', duration: '10' } }]);
    const result = await agent.invoke(userAsks('A 10 second fox video'));
    const [message] = toolMessages(result.messages);
    expect(message?.status).toBe('error');
    expect(message?.content).toMatch(
      /^Error \(invalid_input\): Invalid duration: "10" is not allowed for model t2v/,
    );
    expect(message?.artifact).toBeInstanceOf(AIVideoMakerToolError);
    expect(message?.artifact).toMatchObject({ code: 'invalid_input', message: message?.content });
    expect(message?.content).toMatch(/"5", "8"/);
    // Not LangChain's default: the exception's stack trace, with local file paths, shown to the model.
    expect(message?.content).not.toMatch(/node_modules|\n\s+at /);
    expect(posts(emu)).toHaveLength(0);
    expect(result.messages.at(-1)?.content).toBe('Here is your video.');
  });

  it('refuses a generation over budget before any request, with advice the model can act on', async () => {
    const { agent } = agentCalling(
      [
        { name: 'text_to_video', args: { prompt: 'A fox', duration: '5' } },
        { name: 'text_to_video', args: { prompt: 'A wolf', duration: '8' } },
      ],
      { maxCreditsTotal: 10 },
    );
    const result = await agent.invoke(userAsks('Two videos'));
    const [first, second] = toolMessages(result.messages);
    expect(first?.status).toBe('success');
    expect(second?.status).toBe('error');
    expect(second?.content).toMatch(
      /^Error \(budget_exceeded\): .*only 5 of this session's 10-credit budget/,
    );
    expect(second?.content).not.toMatch(/Please fix your mistakes/);
    expect(second?.artifact).toMatchObject({ code: 'budget_exceeded', message: second?.content });
    expect(second?.artifact.cause).toMatchObject({ name: 'BudgetExceededError', code: 'budget_exceeded' });
    expect(posts(emu)).toHaveLength(1);
    expect(result.messages.at(-1)?.content).toBe('Here is your video.');
  });

  it('returns a FAILED task as a result the model can explain, with its credits refunded', async () => {
    const { agent } = agentCalling([{ name: 'text_to_video', args: { prompt: 'A fox [fail]' } }]);
    const [message] = toolMessages((await agent.invoke(userAsks('video'))).messages);
    expect(message?.status).toBe('success');
    expect(message?.artifact).toMatchObject({ status: 'FAILED', creditsCharged: 0, videoUrls: [] });
    expect(message?.content).toMatch(/FAILED.*refunded/);
    const taskId = message?.artifact.taskId;
    expect(emu.ledger.entries(KEY).filter((entry) => entry.taskId === taskId)).toMatchObject([
      { kind: 'charge', amount: 5 },
      { kind: 'refund', amount: 5 },
    ]);
  });

  it('turns API errors into readable tool messages without the key', async () => {
    emu.ledger.setBalance(KEY, 3);
    try {
      const { agent } = agentCalling([{ name: 'text_to_video', args: { prompt: 'A fox', duration: '5' } }]);
      const result = await agent.invoke(userAsks('video'));
      const [message] = toolMessages(result.messages);
      expect(message?.status).toBe('error');
      expect(message?.content).toMatch(/^Error \(insufficient_credits\): .*top up/);
      expect(message?.artifact).toMatchObject({ code: 'insufficient_credits' });
      expect(serialized(result.messages)).not.toContain(KEY);
    } finally {
      emu.ledger.setBalance(KEY, 1000);
    }
  });

  // The same bad arguments as in the AI SDK, Mastra and MCP tests: each adapter shows the model core's line.
  const [textToVideo] = createVideoToolSpecs();
  it.each([{ prompt: 'A fox', duration: 7 }, { duration: '5' }])(
    "bad arguments %j: the model reads core's one line, the app gets code invalid_input",
    async (args) => {
      const { agent, model } = agentCalling([{ name: 'text_to_video', args }]);
      const result = await agent.invoke(userAsks('A fox video'));
      const line = inputErrorLine(textToVideo!.inputSchema, args);
      expect(line).toMatch(/^Error \(invalid_input\): Invalid (duration|prompt): [^\n]+ Fix the input/);
      expect(model.calls[1]?.messages.at(-1)?.content).toBe(line);
      const [message] = toolMessages(result.messages);
      expect(message?.artifact).toMatchObject({ code: 'invalid_input', message: line });
      expect(emu.requests).toEqual([]);
    },
  );

  it("passes the run's abort signal to the client, which cancels the still-queued task", async () => {
    // At real speed the task stays SUBMITTED for seconds, so the abort always finds it cancellable.
    const slow = await emulator({ speed: 1 });
    try {
      const model = fakeModel().respondWithTools([
        { name: 'text_to_video', args: { prompt: 'A fox' }, id: 'c' },
      ]);
      const agent = createAgent({ model, tools: createAIVideoMakerTools({ client: clientFor(slow) }) });
      const controller = new AbortController();
      const run = agent.invoke(userAsks('video'), { signal: controller.signal });
      await expect.poll(() => posts(slow).length).toBe(1);
      controller.abort();
      await expect(run).rejects.toThrow(/abort/i);
      await expect.poll(() => slow.tasks(KEY)[0]?.status).toBe('CANCEL');
      expect(slow.ledger.balance(KEY)).toBe(1000);
    } finally {
      await slow.close();
    }
  });
});
