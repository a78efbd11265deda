// Scenario 2, a Vercel AI SDK agent: streamText with the video tools in a tool loop. Each status change of
// the task arrives as a preliminary tool result (what a useChat UI renders live), then the final result,
// which the model turns into its answer.
import { createAIVideoMakerTools, type VideoTaskOutput } from '@aivideomaker/ai-sdk';
import { estimateCredits } from '@aivideomaker/core';
import { isStepCount, streamText } from 'ai';
import { AGENT_MAX_CREDITS_PER_CALL, AGENT_PROMPT, VIDEO_CALL } from '../models/script.ts';
import { startAgent } from '../models/select.ts';
import { type Scenario, saveVideo } from '../scenario.ts';

export const aiSdkScenario: Scenario = {
  name: 'ai-sdk',
  title: 'Vercel AI SDK agent: streamText tool loop with streamed preliminary results',
  plannedCredits: estimateCredits('t2v', VIDEO_CALL.input),
  async run(context) {
    const { ui } = context;
    const { client, models, startedAt } = startAgent(context);
    const result = streamText({
      model: models.aiSdk(),
      tools: createAIVideoMakerTools({ client, maxCreditsPerCall: AGENT_MAX_CREDITS_PER_CALL }),
      stopWhen: isStepCount(3),
      prompt: AGENT_PROMPT,
    });
    let output: VideoTaskOutput | undefined;
    for await (const part of result.fullStream) {
      if (part.type === 'tool-call') ui.info(`tool call: ${part.toolName} ${JSON.stringify(part.input)}`);
      if (part.type === 'tool-error') throw new Error(`${part.toolName} failed: ${String(part.error)}`);
      if (part.type !== 'tool-result') continue;
      const task = part.output as VideoTaskOutput;
      if (part.preliminary) ui.progress('preliminary result', `${task.status} (task ${task.taskId})`);
      else output = task;
    }
    if (output?.status !== 'COMPLETED') throw new Error('the agent did not get a finished video');
    ui.info(`assistant: ${await result.text}`);
    const task = await client.tasks.get(output.taskId);
    return [
      await saveVideo(
        context,
        {
          integration: 'ai-sdk',
          model: output.model ?? 't2v',
          credits: output.creditsCharged ?? 0,
          startedAt,
        },
        task,
      ),
    ];
  },
};
