import { Mastra } from '@mastra/core';
import { Agent } from '@mastra/core/agent';
import { describe, expect, it } from 'vitest';
import { createAIVideoMakerTools } from '../src';
import { clientFor, emulator, emulatorPerFile, generatePosts, KEY } from './helpers';
import { scriptedModel, toolResultTexts } from './scripted-model';

const emu = emulatorPerFile(() => emulator(), false);

/** An agent whose paid tools need approval; its second turn repeats what the tool returned. */
function gatedAgent() {
  const { model, prompts } = scriptedModel([
    { toolCalls: [{ toolName: 'text_to_video', input: { prompt: 'A paper boat on a river' } }] },
    (prompt) => ({ text: `Tool said: ${toolResultTexts(prompt).join(' ')}` }),
  ]);
  const tools = createAIVideoMakerTools({ client: clientFor(emu), requireApproval: true });
  const agent = new Agent({ id: 'gated', name: 'Gated', instructions: 'Make videos.', model, tools });
  // Registered, so the suspended call can be found again for approval (in-memory storage here).
  const mastra = new Mastra({ agents: { gated: agent }, logger: false });
  return { agent: mastra.getAgent('gated'), prompts };
}

describe('approval of paid tools', () => {
  it('suspends before spending and runs the call once it is approved', async () => {
    emu.clearRequests();
    const { agent, prompts } = gatedAgent();
    const first = await agent.generate('Make a video of a paper boat');
    expect(first.finishReason).toBe('suspended');
    const pending = first.suspendPayload as { toolCallId: string; toolName: string; args: unknown };
    expect(pending).toMatchObject({ toolName: 'text_to_video', args: { prompt: 'A paper boat on a river' } });
    expect(generatePosts(emu)).toEqual([]);

    const second = await agent.approveToolCallGenerate({
      runId: first.runId ?? '',
      toolCallId: pending.toolCallId,
    });
    const [post, ...more] = generatePosts(emu);
    expect(more).toEqual([]);
    expect(post?.headers.key).toBe(KEY);
    expect(JSON.parse(post?.body ?? '')).toEqual({
      prompt: 'A paper boat on a river',
      aspectRatio: '16:9',
      duration: '5',
    });
    const [task] = emu.tasks(KEY);
    expect(second.text).toContain(`video: ${emu.url}/files/${task?.id}.mp4`);
    expect(JSON.stringify([first.response, second.response, prompts])).not.toContain(KEY);
  });

  it('sends nothing when the call is declined, and tells the model', async () => {
    emu.clearRequests();
    const balance = emu.ledger.balance(KEY);
    const { agent } = gatedAgent();
    const first = await agent.generate('Make a video of a paper boat');
    const pending = first.suspendPayload as { toolCallId: string };
    const second = await agent.declineToolCallGenerate({
      runId: first.runId ?? '',
      toolCallId: pending.toolCallId,
    });

    expect(generatePosts(emu)).toEqual([]);
    expect(emu.ledger.balance(KEY)).toBe(balance);
    expect(second.finishReason).toBe('stop');
    expect(second.text).toBe('Tool said: {"type":"text","value":"Tool call was not approved by the user"}');
  });
});
