// Shared test setup: an in-process emulator with compressed time, a client compressed the same way, and
// an offline scripted model (MockLanguageModelV4) that answers generate and stream calls from one script.
// KEY is a sentinel that must never reach a tool result or a message.
import type {
  LanguageModelV4CallOptions,
  LanguageModelV4Content,
  LanguageModelV4GenerateResult,
  LanguageModelV4Prompt,
  LanguageModelV4StreamPart,
} from '@ai-sdk/provider';
import { AIVideoMaker } from '@aivideomaker/core';
import { type Emulator, startEmulator } from '@aivideomaker/emulator';
import { convertArrayToReadableStream, MockLanguageModelV4 } from 'ai/test';

export const KEY = 'fake-key-SENTINEL-7d3e9b1a';
export const SPEED = 200;

export function emulator(options: Parameters<typeof startEmulator>[0] = {}): Promise<Emulator> {
  return startEmulator({ speed: SPEED, apiKeys: [KEY], ...options });
}

export function clientFor(emu: Emulator): AIVideoMaker {
  return new AIVideoMaker({
    apiKey: KEY,
    baseUrl: emu.url,
    rateLimit: { limit: 60, windowMs: 60_000 / SPEED },
    poll: { minIntervalMs: 10, maxIntervalMs: 40 },
  });
}

export type Turn = { text: string } | { toolCalls: Array<{ toolName: string; input: unknown }> };
/** A turn, or a turn computed from what the model is shown (e.g. to react to a tool error). */
export type Step = Turn | ((prompt: LanguageModelV4Prompt) => Turn);

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
    toolCallId: `call_${call}_${index}`,
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

/** A model that plays `steps` in order, one per model call, whether generating or streaming. */
export function scriptedModel(steps: Step[]): MockLanguageModelV4 {
  let calls = 0;
  const next = (options: LanguageModelV4CallOptions): [Turn, number] => {
    const step = steps[calls];
    if (!step) throw new Error(`The script has no step ${calls + 1}`);
    const turn = typeof step === 'function' ? step(options.prompt) : step;
    return [turn, calls++];
  };
  return new MockLanguageModelV4({
    doGenerate: async (options) => {
      const [turn, call] = next(options);
      return { content: content(turn, call), finishReason: finishReason(turn), usage, warnings: [] };
    },
    doStream: async (options) => {
      const [turn, call] = next(options);
      return { stream: convertArrayToReadableStream(streamParts(turn, call)) };
    },
  });
}

/** The text of every tool result (or tool error) the model was shown, in order. */
export function toolResultTexts(prompt: LanguageModelV4Prompt): string[] {
  return prompt.flatMap((message) =>
    message.role === 'tool'
      ? message.content.flatMap((part) =>
          part.type === 'tool-result' && 'value' in part.output ? [String(part.output.value)] : [],
        )
      : [],
  );
}

/** What the emulator was asked to generate: model and parsed JSON body of each POST. */
export function generateRequests(emu: Emulator) {
  return emu.requests
    .filter((request) => request.method === 'POST' && request.path.startsWith('/api/v1/generate/'))
    .map((request) => ({
      model: request.path.slice('/api/v1/generate/'.length),
      key: request.headers.key,
      body: JSON.parse(request.body) as Record<string, unknown>,
    }));
}

/** A 1x1 PNG. */
export const PNG_BYTES = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='),
  (char) => char.charCodeAt(0),
);

/**
 * A `download` for experimental_generateVideo against the emulator: the SDK's default download refuses
 * loopback addresses (a guard against SSRF), so a test of a local server brings its own, as a user would.
 */
export async function loopbackDownload({ url, abortSignal }: { url: URL; abortSignal?: AbortSignal }) {
  const response = await fetch(url, abortSignal ? { signal: abortSignal } : {});
  if (!response.ok) throw new Error(`GET ${url.pathname} answered ${response.status}`);
  const mediaType = response.headers.get('content-type') ?? undefined;
  return { data: new Uint8Array(await response.arrayBuffer()), mediaType };
}

/** The SDK's polling compressed like the emulator (its default is every 5 s). */
export const POLL = { intervalMs: 5_000 / SPEED } as const;

/** Whether bytes are an MP4 file: an ISO BMFF `ftyp` box first. */
export function isMp4(bytes: Uint8Array): boolean {
  return new TextDecoder().decode(bytes.subarray(4, 8)) === 'ftyp';
}

/** The task query requests (status, get, list) the emulator received. */
export function queryRequests(emu: Emulator) {
  return emu.requests.filter(
    (request) => request.method === 'GET' && request.path.startsWith('/api/v1/tasks'),
  );
}
