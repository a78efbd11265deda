// createAIVideoMakerTools: core's tool specs mapped 1:1 to Mastra tools. Name, description, input and output
// schema come from the spec; the model reads the spec's short text, the app gets the full output as the
// tool result. A failure is thrown as core's AIVideoMakerToolError: the model reads its one line, the app
// finds it (`code`, `cause`) as the `cause` of Mastra's tool-error.
import { approvalPolicy, deferredInputSchema, toToolError } from '@aivideomaker/core/internal';
import {
  createVideoToolSpecs,
  type ToolApprovalOption,
  type ToolName,
  type VideoToolSetOptions,
  type VideoToolSpec,
} from '@aivideomaker/core/tools';
import { createTool, type Tool } from '@mastra/core/tools';
import { progressReporter } from './progress';

export interface AIVideoMakerToolsOptions extends VideoToolSetOptions {
  /**
   * Ask a human before these tools run (Mastra's `requireApproval`): `true` or `'paid'` = every tool that
   * spends credits (text_to_video, image_to_video, long_video), or a list of tool names. Default: none.
   */
  requireApproval?: ToolApprovalOption;
}

// biome-ignore lint/suspicious/noExplicitAny: the tools of one set have different input and output types
export type AIVideoMakerTool = Tool<any, any>;

/** The tools keyed by name, ready for `new Agent({ tools })`. */
export type AIVideoMakerTools = Partial<Record<ToolName, AIVideoMakerTool>>;

function toMastraTool(spec: VideoToolSpec, requireApproval: boolean): AIVideoMakerTool {
  return createTool({
    id: spec.name,
    title: spec.title,
    description: spec.description,
    // Mastra would answer arguments that do not match with its own multi-line report; this schema lets them
    // through to execute, where core's parser refuses them with the one line every adapter gives.
    inputSchema: deferredInputSchema(spec.inputSchema),
    outputSchema: spec.outputSchema,
    requireApproval,
    execute: async (input, context) => {
      const signal = context.abortSignal;
      const progress = progressReporter(spec.name, context.writer, context.agent?.toolCallId);
      try {
        const output = await spec.execute(input, {
          ...(signal ? { signal } : {}),
          onProgress: progress.onProgress,
        });
        await progress.flush();
        return output;
      } catch (error) {
        await progress.flush();
        // Mastra shows the model the error's text (core's line) and wraps it as its tool-error's cause.
        throw toToolError(error, signal);
      }
    },
    // Anything that is not the spec's output is Mastra's own error object (e.g. output validation).
    toModelOutput: (output: unknown) => {
      const parsed = spec.outputSchema.safeParse(output);
      return parsed.success
        ? { type: 'text', value: spec.toModelText(parsed.data) }
        : { type: 'json', value: output };
    },
  });
}

/** The AI Video Maker tools for a Mastra agent: `new Agent({ ..., tools: createAIVideoMakerTools() })`. */
export function createAIVideoMakerTools(options: AIVideoMakerToolsOptions = {}): AIVideoMakerTools {
  const { requireApproval, ...toolSet } = options;
  const needsApproval = approvalPolicy(requireApproval, 'requireApproval');
  return Object.fromEntries(
    createVideoToolSpecs(toolSet).map((spec) => [spec.name, toMastraTool(spec, needsApproval(spec))]),
  );
}
