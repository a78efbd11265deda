// Which tools of a set ask a human before they run. One rule for every adapter (AI SDK `needsApproval`,
// Mastra `requireApproval`), so the same option means the same thing everywhere.
import { InputValidationError } from '../errors';
import { TOOL_NAMES, type ToolName, type VideoToolSpec } from './types';

/** `true` or `'paid'`: the tools that spend credits; a list: those tools; `false` (default): none. */
export type ToolApprovalOption = boolean | 'paid' | readonly ToolName[];

/** Checks the option (naming `field` when it is wrong) and returns which specs need approval. */
export function approvalPolicy(
  option: ToolApprovalOption | undefined,
  field: string,
): (spec: VideoToolSpec) => boolean {
  if (option === undefined || option === false) return () => false;
  if (option === true || option === 'paid') return (spec) => spec.paid;
  if (!Array.isArray(option)) {
    throw new InputValidationError(field, `${JSON.stringify(option)} is not allowed`, [
      'true',
      'false',
      '"paid"',
      'a list of tool names',
    ]);
  }
  for (const name of option) {
    if (!(TOOL_NAMES as readonly string[]).includes(name)) {
      throw new InputValidationError(field, `${JSON.stringify(name)} is not a tool name`, TOOL_NAMES);
    }
  }
  return (spec) => option.includes(spec.name);
}
