// The real AI SDK loops (generateText with stopWhen, ToolLoopAgent) calling text_to_video against the
// emulator: the documented request goes out, the model reads compact text with the video URL, the app
// keeps the full output, and the key shows up nowhere.
import { generateText, isStepCount, streamText, ToolLoopAgent } from 'ai';
import { describe, expect, it } from 'vitest';
import { createAIVideoMakerTools, type VideoTaskOutput } from '../src/index';
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

const callTextToVideo = {
  toolCalls: [{ toolName: 'text_to_video', input: { prompt: 'A red fox in snow', duration: '8' } }],
};

describe('text_to_video in an agent loop', () => {
  it('generateText with stopWhen submits the documented request and the final step sees the video URL', async () => {
    const model = scriptedModel([callTextToVideo, { text: 'Your video is ready.' }]);
    const result = await generateText({
      model,
      tools: createAIVideoMakerTools({ client: clientFor(emu) }),
      stopWhen: isStepCount(5),
      prompt: 'Make an 8 second video of a red fox in snow',
    });

    expect(generateRequests(emu)).toEqual([
      { model: 't2v', key: KEY, body: { prompt: 'A red fox in snow', aspectRatio: '16:9', duration: '8' } },
    ]);
    expect(result.steps).toHaveLength(2);
    const output = result.toolResults[0]?.output as VideoTaskOutput;
    expect(output).toMatchObject({
      status: 'COMPLETED',
      model: 't2v',
      creditsCharged: 8,
      videoUrls: [expect.stringMatching(new RegExp(`^${emu.url}/files/.+\\.mp4$`))],
    });
    const videoUrl = output.videoUrls[0] as string;
    // The model reads core's compact text (toModelOutput), not the JSON object.
    const seen = toolResultTexts(model.doGenerateCalls[1]!.prompt);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toContain(`video: ${videoUrl}`);
    expect(seen[0]).toMatch(/COMPLETED.*8 credits/);
    expect(result.text).toBe('Your video is ready.');
    expect(JSON.stringify([result.steps, result.responseMessages, model.doGenerateCalls])).not.toContain(KEY);
  });

  it('a ToolLoopAgent runs the same tool, and the tool JSON schema reaches the model', async () => {
    const model = scriptedModel([callTextToVideo, { text: 'Done.' }]);
    const agent = new ToolLoopAgent({
      model,
      instructions: 'You make videos.',
      tools: createAIVideoMakerTools({ client: clientFor(emu), pick: ['text_to_video', 'get_video_task'] }),
    });
    const result = await agent.generate({ prompt: 'A red fox in snow, 8 seconds' });

    expect(generateRequests(emu).map((request) => request.body)).toEqual([
      { prompt: 'A red fox in snow', aspectRatio: '16:9', duration: '8' },
    ]);
    expect(toolResultTexts(model.doGenerateCalls[1]!.prompt)[0]).toMatch(/video: http.+\.mp4/);
    const sentTools = model.doGenerateCalls[0]!.tools ?? [];
    expect(sentTools.map((tool) => tool.name)).toEqual(['text_to_video', 'get_video_task']);
    const t2v = sentTools[0] as { inputSchema: { properties: Record<string, { enum?: string[] }> } };
    // t2v's 5 and 8, t2v_v3's 10 to 20, and minimax's every whole second from 5 to 20.
    expect(t2v.inputSchema.properties.duration?.enum).toEqual(
      Array.from({ length: 16 }, (_, i) => String(i + 5)),
    );
    expect(result.text).toBe('Done.');
  });

  it("the call's abortSignal reaches the client: the wait stops and the queued task is cancelled", async () => {
    // A slower emulator, so the task is certainly still queued when the abort arrives.
    const slow = await emulator({ speed: 10 });
    try {
      const controller = new AbortController();
      const model = scriptedModel([
        { toolCalls: [{ toolName: 'text_to_video', input: { prompt: 'A slow queue', model: 't2v_v3' } }] },
        { text: 'unreachable' },
      ]);
      const result = streamText({
        model,
        tools: createAIVideoMakerTools({ client: clientFor(slow) }),
        stopWhen: isStepCount(3),
        prompt: 'video',
        abortSignal: controller.signal,
      });
      const parts: string[] = [];
      for await (const part of result.fullStream) {
        parts.push(part.type);
        if (part.type === 'tool-result' && part.preliminary) controller.abort();
      }
      expect(parts).toContain('abort');
      expect(parts).not.toContain('text-delta');
      await expect.poll(() => slow.tasks(KEY)[0]?.status).toBe('CANCEL');
      expect(slow.ledger.entries(KEY).map((entry) => entry.kind)).toEqual(['charge', 'refund']);
    } finally {
      await slow.close();
    }
  });
});
