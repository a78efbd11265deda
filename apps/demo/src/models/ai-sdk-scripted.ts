// An offline AI SDK model (MockLanguageModelV4) that plays the demo script: a text_to_video call first,
// then an answer built from the tool result. It answers doGenerate and doStream alike, so it drives
// generateText, streamText, ToolLoopAgent and Mastra agents.
import type {
  LanguageModelV4Content,
  LanguageModelV4Prompt,
  LanguageModelV4StreamPart,
} from '@ai-sdk/provider';
import { convertArrayToReadableStream, MockLanguageModelV4 } from 'ai/test';
import { answerFrom, VIDEO_CALL } from './script.ts';

const usage = {
  inputTokens: { total: 1, noCache: 1, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 1, text: 1, reasoning: undefined },
};

/** The tool result of this turn: only what came after the user's last message (a chat has earlier turns). */
function lastToolText(prompt: LanguageModelV4Prompt): string | undefined {
  for (const message of [...prompt].reverse()) {
    if (message.role === 'user') return undefined;
    if (message.role !== 'tool') continue;
    for (const part of message.content) {
      if (part.type !== 'tool-result') continue;
      const { output } = part;
      if (output.type === 'text' || output.type === 'error-text') return output.value;
      if (output.type === 'execution-denied') return 'the user denied this call, so nothing was submitted';
      return JSON.stringify(output);
    }
  }
  return undefined;
}

function turn(prompt: LanguageModelV4Prompt): LanguageModelV4Content {
  const toolText = lastToolText(prompt);
  if (toolText !== undefined) return { type: 'text', text: answerFrom(toolText) };
  return {
    type: 'tool-call',
    toolCallId: `call_${prompt.length}`, // unique within a chat, whose later turns have longer prompts
    toolName: VIDEO_CALL.toolName,
    input: JSON.stringify(VIDEO_CALL.input),
  };
}

const finishReason = (part: LanguageModelV4Content) =>
  part.type === 'text'
    ? ({ unified: 'stop', raw: 'stop' } as const)
    : ({ unified: 'tool-calls', raw: 'tool_calls' } as const);

export function scriptedAiSdkModel(): MockLanguageModelV4 {
  return new MockLanguageModelV4({
    doGenerate: async ({ prompt }) => {
      const part = turn(prompt);
      return { content: [part], finishReason: finishReason(part), usage, warnings: [] };
    },
    doStream: async ({ prompt }) => {
      const part = turn(prompt);
      const parts: LanguageModelV4StreamPart[] = [{ type: 'stream-start', warnings: [] }];
      if (part.type === 'text') {
        parts.push(
          { type: 'text-start', id: 't' },
          { type: 'text-delta', id: 't', delta: part.text },
          { type: 'text-end', id: 't' },
        );
      } else parts.push(part as LanguageModelV4StreamPart);
      parts.push({ type: 'finish', finishReason: finishReason(part), usage });
      return { stream: convertArrayToReadableStream(parts) };
    },
  });
}
