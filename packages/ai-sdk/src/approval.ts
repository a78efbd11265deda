// Which video tools need the user's approval before they run. AI SDK 7 decides approval per call with
// `toolApproval` on generateText / streamText / ToolLoopAgent; a tool package can only mark defaults,
// which the SDK honours whenever the call's `toolApproval` says nothing about that tool.
import { InputValidationError } from '@aivideomaker/core';
import { TOOL_NAMES, type ToolName, type VideoToolSpec } from '@aivideomaker/core/tools';
import type { ToolApprovalStatus } from 'ai';

/** `'paid'`: the tools that spend credits; `true`: every tool; a list: those tools; `false` (default): none. */
export type VideoToolApprovalOption = boolean | 'paid' | readonly ToolName[];

export function checkApprovalOption(option: VideoToolApprovalOption | undefined): void {
  if (option === undefined || typeof option === 'boolean' || option === 'paid') return;
  if (!Array.isArray(option)) {
    throw new InputValidationError('needsApproval', `${JSON.stringify(option)} is not allowed`, [
      'true',
      'false',
      '"paid"',
      'a list of tool names',
    ]);
  }
  for (const name of option) {
    if (!(TOOL_NAMES as readonly string[]).includes(name)) {
      throw new InputValidationError(
        'needsApproval',
        `${JSON.stringify(name)} is not a tool name`,
        TOOL_NAMES,
      );
    }
  }
}

export function approvalNeeded(spec: VideoToolSpec, option: VideoToolApprovalOption | undefined): boolean {
  if (option === 'paid') return spec.paid;
  if (Array.isArray(option)) return option.includes(spec.name);
  return option === true;
}

/**
 * Per-call `toolApproval` entries for every tool of `tools` that spends credits (default: ask the user):
 * `generateText({ tools, toolApproval: paidToolApproval(tools) })`. Spread it to mix in other rules.
 */
export function paidToolApproval<S extends ToolApprovalStatus = 'user-approval'>(
  tools: Readonly<Record<string, { metadata?: { paid?: unknown } | undefined } | undefined>>,
  status: S = 'user-approval' as S,
): Partial<Record<ToolName, S>> {
  return Object.fromEntries(
    Object.entries(tools)
      .filter(([, tool]) => tool?.metadata?.paid === true)
      .map(([name]) => [name, status]),
  );
}
