// An offline scripted model for the AI SDK (and Mastra, which runs AI SDK models): MockLanguageModelV4
// answering doGenerate and doStream alike from one script, so it drives generateText, streamText,
// ToolLoopAgent and Mastra agents. A step may be a function of the prompt, so a reply can react to a tool
// result; a function as the whole script answers every call (e.g. a demo that runs any number of times).
// No Node API here: the browser demo runs it too.
import type {
  LanguageModelV4CallOptions,
  LanguageModelV4Content,
  LanguageModelV4GenerateResult,
  LanguageModelV4Prompt,
  LanguageModelV4StreamPart,
} from '@ai-sdk/provider';
import { convertArrayToReadableStream, MockLanguageModelV4 } from 'ai/test';

export interface ToolCallStep {
  toolName: string;
  input: unknown;
  /** The call's id (default `call_<model call>_<index>`). */
  id?: string;
}
export type Turn = { text: string } | { toolCalls: ToolCallStep[] };
/** A turn, or a turn computed from what the model is shown (e.g. to react to a tool error). */
export type Step = Turn | ((prompt: LanguageModelV4Prompt) => Turn);
/** A list of steps played in order (one per model call), or one function answering every call. */
export type Script = Step[] | ((prompt: LanguageModelV4Prompt, call: number) => Turn);

export type ScriptedModel = MockLanguageModelV4 & {
  /** Every prompt the model received, in order (to assert what the model read). */
  prompts: LanguageModelV4Prompt[];
};

const usage = {
  inputTokens: { total: 1, noCache: 1, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 1, text: 1, reasoning: undefined },
};

function content(
  turn: Turn,
  call: number,
): Extract<LanguageModelV4Content, { type: 'text' | 'tool-call' }>[] {
  if ('text' in turn) return [{ type: 'text', text: turn.text }];
  return turn.toolCalls.map((toolCall, index) => ({
    type: 'tool-call',
    toolCallId: toolCall.id ?? `call_${call}_${index}`,
    toolName: toolCall.toolName,
    input: JSON.stringify(toolCall.input),
  }));
}

function finishReason(turn: Turn): LanguageModelV4GenerateResult['finishReason'] {
  return 'text' in turn ? { unified: 'stop', raw: 'stop' } : { unified: 'tool-calls', raw: 'tool_calls' };
}

function streamParts(turn: Turn, call: number): LanguageModelV4StreamPart[] {
  const parts: LanguageModelV4StreamPart[] = [{ type: 'stream-start', warnings: [] }];
  for (const part of content(turn, call)) {
    if (part.type === 'text') {
      parts.push(
        { type: 'text-start', id: 't' },
        { type: 'text-delta', id: 't', delta: part.text },
        { type: 'text-end', id: 't' },
      );
    } else parts.push(part);
  }
  parts.push({ type: 'finish', finishReason: finishReason(turn), usage });
  return parts;
}

/** A model that plays `script`, one step per model call, whether generating or streaming. */
export function scriptedModel(script: Script): ScriptedModel {
  const prompts: LanguageModelV4Prompt[] = [];
  const next = (options: LanguageModelV4CallOptions): [Turn, number] => {
    const call = prompts.push(options.prompt) - 1;
    if (typeof script === 'function') return [script(options.prompt, call), call];
    const step = script[call];
    if (!step) throw new Error(`The script has no step ${call + 1}`);
    return [typeof step === 'function' ? step(options.prompt) : step, call];
  };
  const model = new MockLanguageModelV4({
    doGenerate: async (options) => {
      const [turn, call] = next(options);
      return { content: content(turn, call), finishReason: finishReason(turn), usage, warnings: [] };
    },
    doStream: async (options) => {
      const [turn, call] = next(options);
      return { stream: convertArrayToReadableStream(streamParts(turn, call)) };
    },
  });
  return Object.assign(model, { prompts });
}

/** The tool-result outputs in a prompt (results and errors), in order, as the model was shown them. */
export function toolOutputs(prompt: LanguageModelV4Prompt) {
  return prompt.flatMap((message) =>
    message.role === 'tool'
      ? message.content.flatMap((part) => (part.type === 'tool-result' ? [part.output] : []))
      : [],
  );
}

/** The text of every tool result (or tool error) in a prompt that has a value, in order. */
export function toolResultTexts(prompt: LanguageModelV4Prompt): string[] {
  return toolOutputs(prompt).flatMap((output) => ('value' in output ? [String(output.value)] : []));
}
