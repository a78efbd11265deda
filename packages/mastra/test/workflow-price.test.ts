// The workflow spends like the tools (core's paid path): the server's free quote, not the list price, is
// what the per-call limit is checked against before anything is spent and what the approver sees; the
// submit sends the limit as X-Max-Credits; the result reports what the server charged. The emulator here
// charges three times the list price (as the live service was measured doing for t2v).
import type { Emulator } from '@aivideomaker/emulator';
import { Mastra } from '@mastra/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVideoWorkflow, VIDEO_WORKFLOW_STEPS, type VideoWorkflowOptions } from '../src/workflow';
import { clientFor, emulator, generatePosts, KEY } from './helpers';

let emu: Emulator;
beforeAll(async () => {
  emu = await emulator({ prices: { multiplier: 3 } });
});
afterAll(() => emu.close());

const fox = {
  model: 't2v',
  input: { prompt: 'A red fox in snow', aspectRatio: '9:16', duration: 5 },
} as const; // list price 5 credits; this server charges 15

async function newRun(options: VideoWorkflowOptions) {
  const video = createVideoWorkflow({ client: clientFor(emu), ...options });
  const mastra = new Mastra({ workflows: { video }, logger: false });
  return mastra.getWorkflow('video').createRun();
}

const quotes = () => emu.requests.filter((request) => request.path === '/api/v1/quote/t2v');

describe('createVideoWorkflow prices with the server', () => {
  it('refuses a run whose quoted price breaks the per-call limit, though the list price fits', async () => {
    emu.clearRequests();
    const result = await (await newRun({ maxCreditsPerCall: 10 })).start({ inputData: fox });
    expect(result.status === 'failed' && String(result.error.message)).toMatch(
      /This t2v video costs 15 credits, more than the 10-credit limit per call; nothing was submitted/,
    );
    expect(quotes()).toHaveLength(1);
    expect(generatePosts(emu)).toEqual([]);
    expect(emu.tasks(KEY)).toEqual([]);
  });

  it('sends the limit as X-Max-Credits and reports what the server charged', async () => {
    emu.clearRequests();
    const result = await (await newRun({ maxCreditsPerCall: 20 })).start({ inputData: fox });
    const [post, ...more] = generatePosts(emu);
    expect(more).toEqual([]);
    expect(post?.headers['x-max-credits']).toBe('20');
    expect(result.status === 'success' && result.result).toMatchObject({
      status: 'COMPLETED',
      creditsCharged: 15,
      message: expect.stringMatching(
        /^Done: the t2v video is ready \(15 credits\)\. The video URL expires \(24 h on the live service\)/,
      ),
    });
  });

  it('sends no cap without a limit, and the approver sees the quoted price', async () => {
    emu.clearRequests();
    const run = await newRun({ requireApproval: true });
    const first = await run.start({ inputData: fox });
    expect(first.status === 'suspended' && first.suspendPayload.approve).toMatchObject({
      credits: 15,
      message: 'Approve a t2v video for 15 credits (list price: 5 s x 1 credit(s)/s = 5 credits)?',
    });
    expect(generatePosts(emu)).toEqual([]);
    const second = await run.resume({ step: VIDEO_WORKFLOW_STEPS.approve, resumeData: { approved: true } });
    expect(generatePosts(emu).map((post) => post.headers['x-max-credits'])).toEqual([undefined]);
    expect(second.status === 'success' && second.result).toMatchObject({ creditsCharged: 15 });
  });
});

describe('createVideoWorkflow webhook.url', () => {
  it("is checked with generate's rule when the workflow is made, naming the option", () => {
    for (const url of ['ftp://example.com/hook', 'not a url', 'https://exämple.com/hook']) {
      let error: unknown;
      try {
        createVideoWorkflow({ client: clientFor(emu), webhook: { url } });
      } catch (caught) {
        error = caught;
      }
      expect(error).toMatchObject({ code: 'invalid_input', field: 'webhook.url' });
    }
  });
});
