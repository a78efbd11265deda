import { inputErrorLine } from '@aivideomaker/core/internal';
import { createVideoToolSpecs, TOOL_NAMES } from '@aivideomaker/core/tools';
import { Mastra } from '@mastra/core';
import { Agent } from '@mastra/core/agent';
import { describe, expect, it } from 'vitest';
import { AIVideoMakerToolError, createAIVideoMakerTools, isVideoProgressEvent } from '../src';
import { clientFor, emulator, emulatorPerFile, generatePosts, generateRequests, KEY, until } from './helpers';
import { scriptedModel, type Turn, toolResultTexts } from './scripted-model';

const emu = emulatorPerFile(() => emulator(), false);

function videoAgent(turns: Turn[], options: Parameters<typeof createAIVideoMakerTools>[0] = {}) {
  const { model, prompts } = scriptedModel(turns);
  const tools = createAIVideoMakerTools({ client: clientFor(emu), ...options });
  const agent = new Agent({ id: 'video', name: 'Video', instructions: 'Make videos.', model, tools });
  const mastra = new Mastra({ agents: { video: agent }, logger: false });
  return { agent: mastra.getAgent('video'), prompts };
}

/** A reply quoting the first video URL the model read in a tool result. */
const answerWithUrl: Turn = (prompt) => {
  const url = toolResultTexts(prompt)
    .join(' ')
    .match(/https?:\/\/\S+?\.mp4/)?.[0];
  return { text: url ? `Your video: ${url}` : 'No video.' };
};

describe('createAIVideoMakerTools', () => {
  it('maps every core spec 1:1 to a Mastra tool', () => {
    const tools = createAIVideoMakerTools({ apiKey: KEY });
    const specs = createVideoToolSpecs({ apiKey: KEY });
    expect(Object.keys(tools)).toEqual([...TOOL_NAMES]);
    for (const spec of specs) {
      const tool = tools[spec.name];
      expect(tool?.id).toBe(spec.name);
      expect(tool?.description).toBe(spec.description);
      expect(tool?.requireApproval).toBe(false);
    }
    const picked = createAIVideoMakerTools({ apiKey: KEY, pick: ['text_to_video', 'get_video_task'] });
    expect(Object.keys(picked)).toEqual(['text_to_video', 'get_video_task']);
  });

  it('marks the paid tools, or the named ones, for approval', () => {
    const paid = createAIVideoMakerTools({ apiKey: KEY, requireApproval: true });
    const needing = Object.values(paid)
      .filter((tool) => tool?.requireApproval)
      .map((tool) => tool?.id);
    expect(needing).toEqual(['text_to_video', 'image_to_video', 'long_video']);
    const named = createAIVideoMakerTools({ apiKey: KEY, requireApproval: ['cancel_video_task'] });
    expect(named.cancel_video_task?.requireApproval).toBe(true);
    expect(named.text_to_video?.requireApproval).toBe(false);
    expect(() => createAIVideoMakerTools({ requireApproval: ['make_video' as 'text_to_video'] })).toThrow(
      /requireApproval.*"make_video" is not a tool name/,
    );
  });

  it('lets an agent call text_to_video and answer with the video URL, streaming progress', async () => {
    emu.clearRequests();
    const { agent, prompts } = videoAgent([
      { toolCalls: [{ toolName: 'text_to_video', input: { prompt: 'A red fox in snow', duration: '8' } }] },
      answerWithUrl,
    ]);
    const stream = await agent.stream('Make an 8 second video of a red fox in snow');
    const chunks: unknown[] = [];
    for await (const chunk of stream.fullStream) chunks.push(chunk);
    const text = await stream.text;

    expect(generateRequests(emu)).toEqual([
      { model: 't2v', key: KEY, body: { prompt: 'A red fox in snow', aspectRatio: '16:9', duration: '8' } },
    ]);

    const [task] = emu.tasks(KEY);
    const url = `${emu.url}/files/${task?.id}.mp4`;
    expect(task?.status).toBe('COMPLETED');
    expect(text).toBe(`Your video: ${url}`);
    const result = chunks.find((chunk) => (chunk as { type: string }).type === 'tool-result') as {
      payload: { result: { videoUrls: string[]; creditsCharged: number } };
    };
    expect(result.payload.result).toMatchObject({ videoUrls: [url], creditsCharged: 8 });
    // The model read the spec's compact text, not the raw object.
    expect(toolResultTexts(prompts[1] ?? []).join()).toContain(
      `COMPLETED; model t2v; 8 credits; video: ${url}`,
    );

    const progress = chunks.filter(isVideoProgressEvent).map((chunk) => chunk.data);
    const statuses = progress.map((data) => data.status);
    expect(statuses[0]).toBe('SUBMITTED');
    expect(statuses.at(-1)).toBe('COMPLETED');
    // Core's payload, exactly (the same object LangChain's adapter streams), with core's messages.
    const chunk = chunks.find((c) => isVideoProgressEvent(c) && c.data.status !== 'SUBMITTED');
    expect(chunk).toEqual({
      transient: true, // Mastra's own flag: streamed to the client, not stored with the conversation
      type: 'data-video-progress',
      data: {
        tool: 'text_to_video',
        toolCallId: 'call_0_0',
        taskId: task?.id,
        status: expect.stringMatching(/^(PROGRESS|COMPLETED)$/),
        elapsedMs: expect.any(Number),
        message: expect.stringMatching(/^Task \S+ is (PROGRESS|COMPLETED) \(\d+ s elapsed\)\.$/),
      },
    });
    expect(progress[0]?.message).toMatch(
      /^Submitted t2v task \S+ \(8 credits\); generating takes minutes\.$/,
    );
    expect(progress.every((data) => data.tool === 'text_to_video' && data.taskId === task?.id)).toBe(true);
    expect(JSON.stringify([chunks, prompts])).not.toContain(KEY);
  });

  it('gives the model an actionable error it can relay, and never the key', async () => {
    emu.clearRequests();
    emu.ledger.setBalance(KEY, 3);
    const { agent, prompts } = videoAgent([
      { toolCalls: [{ toolName: 'text_to_video', input: { prompt: 'A lighthouse at dusk' } }] },
      (prompt) => ({ text: toolResultTexts(prompt).join(' ') }),
    ]);
    const output = await agent.generate('Make a video of a lighthouse');
    emu.ledger.setBalance(KEY, 1000);

    expect(generatePosts(emu)).toHaveLength(1);
    expect(toolResultTexts(prompts[1] ?? [])).toEqual([
      expect.stringMatching(
        /^\{"type":"error-text","value":"Error \(insufficient_credits\): [^"]*nothing was charged/,
      ),
    ]);
    expect(output.text).toContain('nothing was charged');
    expect(JSON.stringify([output.response, prompts])).not.toContain(KEY);
  });

  it('refuses input the model got wrong before any request', async () => {
    emu.clearRequests();
    const { agent } = videoAgent([
      {
        toolCalls: [
          { toolName: 'text_to_video', input: { prompt: 'A comet', model: 't2v', duration: '10' } },
        ],
      },
      (prompt) => ({ text: toolResultTexts(prompt).join(' ') }),
    ]);
    const output = await agent.generate('Make a 10 second comet video');
    expect(generatePosts(emu)).toEqual([]);
    expect(output.text).toMatch(/duration/);
    expect(output.text).toMatch(/t2v_v3/);
  });

  // The same bad arguments as in the AI SDK, LangChain and MCP tests: each adapter shows the model core's line.
  const [textToVideo] = createVideoToolSpecs();
  it.each([{ prompt: 'A fox', duration: 7 }, { duration: '5' }])(
    "bad arguments %j: the model reads core's one line, the app gets code invalid_input",
    async (input) => {
      emu.clearRequests();
      const { agent, prompts } = videoAgent([
        { toolCalls: [{ toolName: 'text_to_video', input }] },
        { text: 'Sorry.' },
      ]);
      const stream = await agent.stream('Make a fox video');
      const chunks: Array<{ type: string; payload?: { error?: { cause?: unknown } } }> = [];
      for await (const chunk of stream.fullStream) chunks.push(chunk as (typeof chunks)[number]);
      const line = inputErrorLine(textToVideo!.inputSchema, input);
      expect(line).toMatch(/^Error \(invalid_input\): Invalid (duration|prompt): [^\n]+ Fix the input/);
      expect(toolResultTexts(prompts[1] ?? [])).toEqual([
        JSON.stringify({ type: 'error-text', value: line }),
      ]);
      // Mastra wraps what the tool threw as its tool-error's cause.
      const error = chunks.find((c) => c.type === 'tool-error')?.payload?.error?.cause;
      expect(error).toBeInstanceOf(AIVideoMakerToolError);
      expect(error).toMatchObject({ code: 'invalid_input', message: line });
      expect(emu.requests).toEqual([]);
    },
  );

  it("passes the agent's abort signal through: a queued task is cancelled and refunded", async () => {
    // At speed 1 the task stays queued for seconds, so the abort lands while it is SUBMITTED.
    const slow = await emulator({ speed: 1 });
    try {
      const { model } = scriptedModel([
        { toolCalls: [{ toolName: 'text_to_video', input: { prompt: 'A slow sunrise' } }] },
        { text: 'unused' },
      ]);
      const tools = createAIVideoMakerTools({ client: clientFor(slow) });
      const agent = new Agent({
        id: 'abortable',
        name: 'Abortable',
        instructions: 'Make videos.',
        model,
        tools,
      });
      const controller = new AbortController();
      const stream = await agent.stream('Make a sunrise video', { abortSignal: controller.signal });
      for await (const chunk of stream.fullStream) {
        if (isVideoProgressEvent(chunk)) controller.abort();
      }
      await until(() => slow.tasks(KEY)[0]?.status === 'CANCEL', 'the task to be cancelled');
      expect(slow.requests.filter((request) => request.method === 'PUT')).toHaveLength(1);
      expect(slow.ledger.balance(KEY)).toBe(1000);
    } finally {
      await slow.close();
    }
  });
});
