// Scenario 4, Mastra: an agent with the video tools (progress as data-video-progress chunks), then the video
// workflow (prepare -> submit -> wait) streaming each status change as step output. Both are registered in
// one Mastra instance, as approvals and resumes require.
import { estimateCredits } from '@aivideomaker/core';
import { createAIVideoMakerTools, isVideoProgressEvent } from '@aivideomaker/mastra';
import { createVideoWorkflow } from '@aivideomaker/mastra/workflow';
import { Mastra } from '@mastra/core';
import { Agent } from '@mastra/core/agent';
import { AGENT_MAX_CREDITS_PER_CALL, AGENT_PROMPT, VIDEO_CALL } from '../models/script.ts';
import { startAgent } from '../models/select.ts';
import { type Scenario, saveVideo, type VideoRow } from '../scenario.ts';

const WORKFLOW_INPUT = {
  model: 't2v',
  input: { prompt: 'Morning fog lifting over a pine forest', aspectRatio: '9:16', duration: '8' },
} as const;

export const mastraScenario: Scenario = {
  name: 'mastra',
  title: 'Mastra: an agent with the tools, then the video workflow',
  plannedCredits: estimateCredits('t2v', VIDEO_CALL.input) + estimateCredits('t2v', WORKFLOW_INPUT.input),
  async run(context) {
    const { ui } = context;
    const { client, models, startedAt: agentStartedAt } = startAgent(context, 'agent model');
    const mastra = new Mastra({
      agents: {
        video: new Agent({
          id: 'video',
          name: 'Video maker',
          instructions: 'You make short videos with the video tools.',
          model: models.mastra(),
          tools: createAIVideoMakerTools({ client, maxCreditsPerCall: AGENT_MAX_CREDITS_PER_CALL }),
        }),
      },
      workflows: { video: createVideoWorkflow({ client, maxCreditsPerCall: AGENT_MAX_CREDITS_PER_CALL }) },
      logger: false,
    });
    const rows: VideoRow[] = [];

    let startedAt = agentStartedAt;
    const stream = await mastra.getAgent('video').stream(AGENT_PROMPT);
    for await (const chunk of stream.fullStream) {
      if (isVideoProgressEvent(chunk)) ui.progress('data-video-progress', chunk.data.message);
    }
    const result = (await stream.toolResults)[0]?.payload.result as
      | { taskId?: string; status?: string }
      | undefined;
    if (!result?.taskId || result.status !== 'COMPLETED')
      throw new Error('the agent did not get a finished video');
    ui.info(`assistant: ${await stream.text}`);
    rows.push(
      await saveVideo(
        context,
        {
          integration: 'mastra agent',
          model: 't2v',
          credits: estimateCredits('t2v', VIDEO_CALL.input),
          startedAt,
        },
        await client.tasks.get(result.taskId),
      ),
    );

    ui.info(`workflow input: ${JSON.stringify(WORKFLOW_INPUT)}`);
    startedAt = Date.now();
    const run = await mastra.getWorkflow('video').createRun();
    const workflow = run.stream({ inputData: WORKFLOW_INPUT });
    for await (const event of workflow.fullStream) {
      // Custom chunks are not in the stream's declared union; the guard tells them apart.
      const chunk: unknown = event;
      if (isVideoProgressEvent(chunk)) ui.progress('workflow data-video-progress', chunk.data.message);
    }
    const done = await workflow.result;
    if (done.status !== 'success' || done.result.status !== 'COMPLETED' || !done.result.taskId) {
      throw new Error(`the workflow ended ${done.status}`);
    }
    rows.push(
      await saveVideo(
        context,
        { integration: 'mastra workflow', model: 't2v', credits: done.result.creditsCharged ?? 0, startedAt },
        await client.tasks.get(done.result.taskId),
      ),
    );
    return rows;
  },
};
