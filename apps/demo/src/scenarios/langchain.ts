// Scenario 3, a LangChain agent: createAgent with the AIVideoMakerToolkit. Progress arrives on the graph's
// custom stream while the tool waits; the full task (video URLs, credits) is the tool message's artifact.
import { estimateCredits } from '@aivideomaker/core';
import type { VideoTaskOutput } from '@aivideomaker/core/tools';
import { AIVideoMakerToolkit, isVideoProgressEvent } from '@aivideomaker/langchain';
import { AIMessage, type BaseMessage, ToolMessage } from '@langchain/core/messages';
import { createAgent } from 'langchain';
import { AGENT_MAX_CREDITS_PER_CALL, AGENT_PROMPT, VIDEO_CALL } from '../models/script.ts';
import { startAgent } from '../models/select.ts';
import { type Scenario, saveVideo } from '../scenario.ts';

export const langchainScenario: Scenario = {
  name: 'langchain',
  title: 'LangChain agent: createAgent with the toolkit, progress from the custom stream',
  plannedCredits: estimateCredits('t2v', VIDEO_CALL.input),
  async run(context) {
    const { ui } = context;
    const { client, models, startedAt } = startAgent(context);
    const agent = createAgent({
      model: models.langchain(),
      tools: new AIVideoMakerToolkit({ client, maxCreditsPerCall: AGENT_MAX_CREDITS_PER_CALL }).getTools(),
    });
    let artifact: VideoTaskOutput | undefined;
    let answer = '';
    const stream = await agent.stream(
      { messages: [{ role: 'user', content: AGENT_PROMPT }] },
      { streamMode: ['custom', 'updates'] },
    );
    for await (const [mode, chunk] of stream) {
      if (mode === 'custom' && isVideoProgressEvent(chunk)) ui.progress('custom stream', chunk.data.message);
      if (mode !== 'updates') continue;
      for (const update of Object.values(chunk as Record<string, { messages?: BaseMessage[] }>)) {
        for (const message of update?.messages ?? []) {
          if (ToolMessage.isInstance(message)) artifact = message.artifact as VideoTaskOutput;
          else if (AIMessage.isInstance(message) && message.text) answer = message.text;
        }
      }
    }
    if (artifact?.status !== 'COMPLETED') throw new Error('the agent did not get a finished video');
    ui.info(`assistant: ${answer}`);
    const task = await client.tasks.get(artifact.taskId);
    return [
      await saveVideo(
        context,
        {
          integration: 'langchain',
          model: artifact.model ?? 't2v',
          credits: artifact.creditsCharged ?? 0,
          startedAt,
        },
        task,
      ),
    ];
  },
};
