import { isVideoProgressEvent } from '@aivideomaker/core/tools';
import { Mastra } from '@mastra/core';
import { describe, expect, it } from 'vitest';
import {
  createVideoWorkflow,
  resumeFinishedVideoRuns,
  VIDEO_WORKFLOW_STEPS,
  type VideoWorkflowOptions,
} from '../src/workflow';
import { clientFor, emulator, emulatorPerFile, generatePosts, generateRequests, KEY, until } from './helpers';

const emu = emulatorPerFile(() => emulator(), false);

async function newRun(options: VideoWorkflowOptions = {}) {
  const video = createVideoWorkflow({ client: clientFor(emu), ...options });
  // Registered, so suspended runs can be resumed (in-memory storage here).
  const mastra = new Mastra({ workflows: { video }, logger: false });
  return mastra.getWorkflow('video').createRun();
}

const fox = {
  model: 't2v',
  input: { prompt: 'A red fox in snow', aspectRatio: '9:16', duration: 5 },
} as const;

describe('createVideoWorkflow (polling)', () => {
  it('runs to completion, streaming each step and status change', async () => {
    emu.clearRequests();
    const run = await newRun();
    const stream = run.stream({ inputData: fox });
    const events: Array<{ type: string; payload?: { stepName?: string; output?: { status?: string } } }> = [];
    for await (const event of stream.fullStream) events.push(event as (typeof events)[number]);
    const result = await stream.result;

    expect(generateRequests(emu)).toEqual([
      { model: 't2v', key: KEY, body: { prompt: 'A red fox in snow', aspectRatio: '9:16', duration: '5' } },
    ]);

    expect(result.status).toBe('success');
    const [task] = emu.tasks(KEY);
    const output = result.status === 'success' ? result.result : undefined;
    expect(output).toMatchObject({
      taskId: task?.id,
      status: 'COMPLETED',
      model: 't2v',
      videoUrls: [`${emu.url}/files/${task?.id}.mp4`],
      creditsCharged: 5,
      task: { id: task?.id, status: 'COMPLETED' },
    });

    const started = events
      .filter((event) => event.type === 'workflow-step-start')
      .map((e) => e.payload?.stepName);
    expect(started).toEqual(['prepare', 'submit', 'wait']);
    // The tools' progress chunk (core's payload), for the tool the run stands for.
    const progress = events.filter(isVideoProgressEvent);
    for (const chunk of progress) {
      // Mastra adds where the chunk came from (from, runId); the payload is core's.
      expect({ type: chunk.type, data: chunk.data }).toEqual({
        type: 'data-video-progress',
        data: {
          tool: 'text_to_video',
          taskId: task?.id,
          status: chunk.data.status,
          elapsedMs: expect.any(Number),
          message: `Task ${task?.id} is ${chunk.data.status} (${Math.round(chunk.data.elapsedMs / 1000)} s elapsed).`,
        },
      });
    }
    const statuses = progress.map((chunk) => chunk.data.status);
    expect(statuses[0]).toBe('SUBMITTED');
    expect(statuses.at(-1)).toBe('COMPLETED');
    expect(new Set(statuses).size).toBe(statuses.length);
    expect(JSON.stringify(events)).not.toContain(KEY);
  });

  it('fails with a clear error before any request on bad input or over the credit limit', async () => {
    emu.clearRequests();
    const bad = await (await newRun()).start({
      inputData: { model: 't2v', input: { prompt: 'A comet', aspectRatio: '1:1', duration: '10' } } as never,
    });
    expect(bad.status).toBe('failed');
    expect(bad.status === 'failed' && String(bad.error.message)).toMatch(
      /duration: "10" is not allowed for model t2v/,
    );

    const pricey = await (await newRun({ maxCreditsPerCall: 100 })).start({
      inputData: { model: 't2v_v3', input: { prompt: 'A comet', aspectRatio: '16:9', duration: '20' } },
    });
    expect(pricey.status === 'failed' && String(pricey.error.message)).toMatch(
      /200 credits, more than the 100-credit limit/,
    );

    const narrowed = await (await newRun({ allowedModels: ['t2v'] })).start({
      inputData: { model: 'i2v', input: { image: 'https://example.com/cat.png', duration: '5' } },
    });
    expect(narrowed.status === 'failed' && String(narrowed.error.message)).toMatch(
      /model.*"i2v" is not allowed/,
    );
    expect(generatePosts(emu)).toEqual([]);
  });

  it('returns a failed task as a result whose credits were refunded', async () => {
    const run = await newRun();
    const result = await run.start({
      inputData: { model: 't2v', input: { prompt: 'A storm [fail]', aspectRatio: '16:9', duration: '8' } },
    });
    expect(result.status === 'success' && result.result).toMatchObject({
      status: 'FAILED',
      videoUrls: [],
      creditsCharged: 0,
      message:
        'The task failed; its 8 credits were refunded. You may try again, e.g. with a different prompt.',
    });
  });
});

describe('createVideoWorkflow (wait timeout)', () => {
  it('suspends when the poll times out, and resumeFinishedVideoRuns picks the run up later', async () => {
    const client = clientFor(emu);
    const video = createVideoWorkflow({ client, wait: { timeoutMs: 1 } });
    const mastra = new Mastra({ workflows: { video }, logger: false });
    const run = await mastra.getWorkflow('video').createRun();
    const first = await run.start({ inputData: fox });
    expect(first.status === 'suspended' && first.suspendPayload.wait).toMatchObject({
      message: expect.stringMatching(
        /^Still (SUBMITTED|PROGRESS) after 0 s; resumeFinishedVideoRuns\(\) resumes/,
      ),
    });
    const taskId =
      (first.status === 'suspended' && (first.suspendPayload.wait as { taskId: string }).taskId) || '';
    await until(() => emu.tasks(KEY).find((task) => task.id === taskId)?.status === 'COMPLETED', 'the task');

    expect(await resumeFinishedVideoRuns({ mastra, client })).toEqual([run.runId]);
    const state = await mastra.getWorkflow('video').getWorkflowRunById(run.runId);
    expect(state?.result).toMatchObject({
      taskId,
      status: 'COMPLETED',
      videoUrls: [`${emu.url}/files/${taskId}.mp4`],
    });
  });
});

describe('createVideoWorkflow (approval gate)', () => {
  it('suspends before spending and submits once approved', async () => {
    emu.clearRequests();
    const run = await newRun({ requireApproval: true });
    const first = await run.start({ inputData: fox });
    expect(first.status).toBe('suspended');
    expect(first.status === 'suspended' && first.suspendPayload).toEqual({
      approve: {
        model: 't2v',
        input: { prompt: 'A red fox in snow', aspectRatio: '9:16', duration: '5' },
        credits: 5,
        message: 'Approve a t2v video for 5 s x 1 credit(s)/s = 5 credits?',
      },
    });
    expect(generatePosts(emu)).toEqual([]);

    const second = await run.resume({ step: VIDEO_WORKFLOW_STEPS.approve, resumeData: { approved: true } });
    expect(generatePosts(emu)).toHaveLength(1);
    expect(second.status === 'success' && second.result).toMatchObject({
      status: 'COMPLETED',
      creditsCharged: 5,
    });
  });

  it('ends without any request when declined', async () => {
    emu.clearRequests();
    const run = await newRun({ requireApproval: true });
    await run.start({ inputData: fox });
    const result = await run.resume({
      step: VIDEO_WORKFLOW_STEPS.approve,
      resumeData: { approved: false, reason: 'too pricey' },
    });
    expect(result.status === 'success' && result.result).toEqual({
      status: 'DECLINED',
      model: 't2v',
      videoUrls: [],
      creditsCharged: 0,
      message: 'Not approved (too pricey): nothing was submitted or charged.',
    });
    expect(generatePosts(emu)).toEqual([]);
  });
});
