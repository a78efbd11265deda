// createAIVideoMakerTools: core's tool specs mapped 1:1 to AI SDK tools. Name, description and both
// schemas come from the spec; execute streams the task's status changes as preliminary results; the model
// reads the spec's compact text while the app keeps the full output. A failure is core's
// AIVideoMakerToolError: the model reads its one line, the app its `code` and `cause`.
import {
  approvalPolicy,
  deferredInputSchema,
  inputErrorLine,
  toToolError,
} from '@aivideomaker/core/internal';
import {
  createVideoToolSpecs,
  type ToolApprovalOption,
  type ToolName,
  type VideoToolSetOptions,
  type VideoToolSpec,
  type VideoToolTypes,
} from '@aivideomaker/core/tools';
import { type Tool, tool } from 'ai';
import { withProgress } from './progress';

export interface AIVideoMakerToolsOptions extends VideoToolSetOptions {
  /**
   * Tools that ask the user before they run, unless the call's `toolApproval` decides otherwise:
   * `true` or `'paid'` (the tools that spend credits), a list of tool names, or `false` (default).
   */
  needsApproval?: ToolApprovalOption;
}

/** What every tool carries in `metadata` (and the AI SDK copies onto its tool calls as `toolMetadata`). */
export interface AIVideoMakerToolMetadata {
  [key: string]: boolean;
  paid: boolean;
}

/** One AI Video Maker tool, typed by its name. */
export type AIVideoMakerTool<N extends ToolName = ToolName> = Tool<
  VideoToolTypes[N]['input'],
  VideoToolTypes[N]['output']
> & { metadata: AIVideoMakerToolMetadata };

/** The tool set, keyed by core's tool names; `pick`, `omit` and `allowedModels` may leave tools out. */
export type AIVideoMakerTools = { [N in ToolName]?: AIVideoMakerTool<N> };

function toAISDKTool(spec: VideoToolSpec, needsApproval: boolean): AIVideoMakerTool {
  const metadata: AIVideoMakerToolMetadata = { paid: spec.paid };
  return tool({
    description: spec.description,
    // The SDK would answer arguments that do not match with a JSON dump of the schema issues; this schema
    // lets them through to execute, where core's parser refuses them with the one line every adapter gives.
    inputSchema: deferredInputSchema(spec.inputSchema),
    outputSchema: spec.outputSchema,
    metadata,
    // The SDK's default for this tool; a `toolApproval` entry on the call takes precedence. Arguments that
    // core's parser refuses need no approval: execute refuses them before anything is sent, so nobody is
    // asked to approve a call that cannot spend.
    ...(needsApproval
      ? { needsApproval: (input) => inputErrorLine(spec.inputSchema, input) === undefined }
      : {}),
    async *execute(input, { abortSignal }) {
      try {
        yield* withProgress((onProgress) =>
          spec.execute(input, { ...(abortSignal ? { signal: abortSignal } : {}), onProgress }),
        );
      } catch (error) {
        throw toToolError(error, abortSignal);
      }
    },
    toModelOutput: ({ output }) => ({ type: 'text', value: spec.toModelText(output) }),
  }) as AIVideoMakerTool;
}

/**
 * The AI Video Maker tools for an AI SDK agent:
 * `generateText({ model, tools: createAIVideoMakerTools(), stopWhen: isStepCount(5), prompt })`.
 */
export function createAIVideoMakerTools(options: AIVideoMakerToolsOptions = {}): AIVideoMakerTools {
  const needsApproval = approvalPolicy(options.needsApproval, 'needsApproval');
  return Object.fromEntries(
    createVideoToolSpecs(options).map((spec) => [spec.name, toAISDKTool(spec, needsApproval(spec))]),
  ) as AIVideoMakerTools;
}
