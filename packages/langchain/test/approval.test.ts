// Human approval of paid calls: humanInTheLoopMiddleware with interruptOnPaidTools, a checkpointer, and
// resume decisions (approve, edit, reject), in the real agent loop against the emulator.
import { AIMessage, ToolMessage } from '@langchain/core/messages';
import { fakeModel } from '@langchain/core/testing';
import { Command, MemorySaver } from '@langchain/langgraph';
import { createAgent, type Decision, type HITLRequest, humanInTheLoopMiddleware } from 'langchain';
import { describe, expect, it } from 'vitest';
import { createAIVideoMakerTools, interruptOnPaidTools } from '../src/index';
import { clientFor, emulator, emulatorPerFile, KEY, posts, serialized, userAsks } from './helpers';

const emu = emulatorPerFile(() => emulator());

const REQUESTED = { prompt: 'A whale breaching at sunrise', model: 't2v_v3', duration: '20' };

/** Runs until the approval interrupt, checks it, then resumes with `decision`. */
async function decide(decision: Decision) {
  const tools = createAIVideoMakerTools({ client: clientFor(emu) });
  const model = fakeModel()
    .respondWithTools([{ name: 'text_to_video', args: REQUESTED, id: 'call_1' }])
    .respond(new AIMessage('Done.'));
  const agent = createAgent({
    model,
    tools,
    middleware: [humanInTheLoopMiddleware({ interruptOn: interruptOnPaidTools(tools) })],
    checkpointer: new MemorySaver(),
  });
  const config = { configurable: { thread_id: `thread-${decision.type}` } };

  const paused = await agent.invoke(userAsks('A whale video, 20 seconds, best quality'), config);
  const request = paused.__interrupt__?.[0]?.value as HITLRequest;
  expect(request.actionRequests).toEqual([
    expect.objectContaining({ name: 'text_to_video', args: REQUESTED }),
  ]);
  expect(request.reviewConfigs[0]?.allowedDecisions).toEqual(['approve', 'edit', 'reject']);
  expect(posts(emu)).toHaveLength(0); // nothing is spent while waiting for the human

  const result = await agent.invoke(new Command({ resume: { decisions: [decision] } }), config);
  const messages = result.messages.filter((m): m is ToolMessage => ToolMessage.isInstance(m));
  expect(messages).toHaveLength(1);
  expect(result.messages.at(-1)?.content).toBe('Done.');
  expect(serialized(result.messages)).not.toContain(KEY);
  return messages[0] as ToolMessage;
}

describe('human approval of paid calls', () => {
  it('interrupts only on the tools that spend credits', () => {
    const tools = createAIVideoMakerTools();
    expect(interruptOnPaidTools(tools)).toEqual({
      text_to_video: { allowedDecisions: ['approve', 'edit', 'reject'] },
      image_to_video: { allowedDecisions: ['approve', 'edit', 'reject'] },
      long_video: { allowedDecisions: ['approve', 'edit', 'reject'] },
    });
    expect(
      interruptOnPaidTools(tools, { allowedDecisions: ['approve', 'reject'], description: 'Spend credits?' }),
    ).toMatchObject({
      long_video: { allowedDecisions: ['approve', 'reject'], description: 'Spend credits?' },
    });
    expect(interruptOnPaidTools(createAIVideoMakerTools({ pick: ['get_video_task'] }))).toEqual({});
  });

  it('approve: the call runs as the model asked', async () => {
    const message = await decide({ type: 'approve' });
    expect(posts(emu).map((post) => [post.path, JSON.parse(post.body)])).toEqual([
      ['/api/v1/generate/t2v_v3', { prompt: REQUESTED.prompt, aspectRatio: '16:9', duration: '20' }],
    ]);
    expect(message.status).toBe('success');
    expect(message.artifact).toMatchObject({ status: 'COMPLETED', creditsCharged: 200 });
  });

  it('edit: the call runs with the arguments the human changed', async () => {
    const message = await decide({
      type: 'edit',
      editedAction: {
        name: 'text_to_video',
        args: { prompt: REQUESTED.prompt, model: 't2v', duration: '5' },
      },
    });
    expect(posts(emu).map((post) => [post.path, JSON.parse(post.body)])).toEqual([
      ['/api/v1/generate/t2v', { prompt: REQUESTED.prompt, aspectRatio: '16:9', duration: '5' }],
    ]);
    expect(message.artifact).toMatchObject({ status: 'COMPLETED', model: 't2v', creditsCharged: 5 });
  });

  it('reject: nothing reaches the API and the model reads why', async () => {
    const message = await decide({
      type: 'reject',
      message: 'Too expensive: 200 credits. Ask for 5 seconds.',
    });
    expect(emu.requests).toHaveLength(0);
    expect(message.content).toBe('Too expensive: 200 credits. Ask for 5 seconds.');
  });
});
