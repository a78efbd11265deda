// createAIVideoMakerTools: core's tool specs mapped 1:1 to LangChain structured tools. Name, description and
// input schema come from the spec; the model reads the spec's short text, the app gets the full output as
// the ToolMessage artifact. A failure is an error ToolMessage: the model reads core's one line, the app
// gets core's AIVideoMakerToolError (`code`, `cause`) as its artifact.
import { parseToolInput, toToolError } from '@aivideomaker/core/internal';
import {
  AIVideoMakerToolError,
  createVideoToolSpecs,
  type VideoToolSetOptions,
  type VideoToolSpec,
} from '@aivideomaker/core/tools';
import type { ToolMessage } from '@langchain/core/messages';
import {
  type DynamicStructuredTool,
  ToolInputParsingException,
  type ToolRuntime,
  tool,
} from '@langchain/core/tools';
import type { z } from 'zod';
import { progressReporter, toolCallIdOf } from './progress';

/** Core's tool-set options: client or apiKey/baseUrl, wait, credit limits, allowedModels, localFiles, pick/omit. */
export type AIVideoMakerToolsOptions = VideoToolSetOptions;

/** Tool metadata that marks a tool spending credits (read by `interruptOnPaidTools`). */
export interface AIVideoMakerToolMetadata extends Record<string, unknown> {
  paid: boolean;
}

export type AIVideoMakerTool = DynamicStructuredTool;

/**
 * A failed call as a ToolMessage, so the model reads core's line instead of LangChain's generic "Please fix
 * your mistakes", and the app sees status 'error' and the typed error as the artifact (after a checkpoint
 * round trip, its JSON: name, code, message).
 */
async function errorMessage(error: unknown, toolCallId: string, spec: VideoToolSpec): Promise<ToolMessage> {
  // Loaded only here: @langchain/core/messages costs ~12 ms to import, more than the rest of the adapter.
  const { ToolMessage } = await import('@langchain/core/messages');
  const metadata: AIVideoMakerToolMetadata = { paid: spec.paid };
  const artifact = new AIVideoMakerToolError(error);
  return new ToolMessage({
    content: artifact.message,
    artifact,
    tool_call_id: toolCallId,
    name: spec.name,
    status: 'error',
    metadata,
  });
}

/**
 * LangChain checks arguments against the schema before the tool runs and, on a mismatch, createAgent shows
 * the model the exception's whole stack trace (local file paths included). Core's parser gives the same
 * verdict as one line naming the field and the allowed values, so a tool call gets that instead.
 */
function withReadableInputErrors(langChainTool: AIVideoMakerTool, spec: VideoToolSpec): AIVideoMakerTool {
  const call = langChainTool.call.bind(langChainTool) as (...args: unknown[]) => Promise<unknown>;
  Object.assign(langChainTool, {
    async call(arg: unknown, config?: { toolCall?: { id?: string } }, ...rest: unknown[]) {
      try {
        return await call(arg, config, ...rest);
      } catch (error) {
        const toolCallId = config?.toolCall?.id;
        if (!(error instanceof ToolInputParsingException)) throw error;
        let parsed: unknown;
        try {
          parsed = parseToolInput(spec.inputSchema, arg);
        } catch (invalid) {
          if (!toolCallId) throw new AIVideoMakerToolError(invalid);
          return errorMessage(invalid, toolCallId, spec);
        }
        // Core's parser reads null as left out (strict-mode models send it); LangChain's zod check did not.
        return call(parsed, config, ...rest);
      }
    },
  });
  return langChainTool;
}

function toLangChainTool(spec: VideoToolSpec): AIVideoMakerTool {
  const metadata: AIVideoMakerToolMetadata = { paid: spec.paid };
  const langChainTool = tool(
    async (input: unknown, runtime: ToolRuntime) => {
      const progress = progressReporter(spec.name, runtime);
      try {
        const output = await spec.execute(input, {
          ...(runtime.signal ? { signal: runtime.signal } : {}),
          onProgress: progress.onProgress,
        });
        await progress.flush();
        return [spec.toModelText(output), output];
      } catch (error) {
        await progress.flush();
        const toolCallId = toolCallIdOf(runtime);
        // An aborted run stops; and code that invoked the tool without a tool call gets the typed error.
        if (runtime.signal?.aborted || !toolCallId) throw toToolError(error, runtime.signal);
        return [await errorMessage(error, toolCallId, spec), undefined];
      }
    },
    {
      name: spec.name,
      description: spec.description,
      schema: spec.inputSchema as z.ZodObject,
      responseFormat: 'content_and_artifact',
      metadata,
    },
  ) as AIVideoMakerTool;
  return withReadableInputErrors(langChainTool, spec);
}

/** The AI Video Maker tools for a LangChain agent, e.g. `createAgent({ model, tools: createAIVideoMakerTools() })`. */
export function createAIVideoMakerTools(options: AIVideoMakerToolsOptions = {}): AIVideoMakerTool[] {
  return createVideoToolSpecs(options).map(toLangChainTool);
}
