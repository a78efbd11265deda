// Which video tools need the user's approval before they run. AI SDK 7 decides approval per call with
// `toolApproval` on generateText / streamText / ToolLoopAgent; a tool package can only mark defaults,
// which the SDK honours whenever the call's `toolApproval` says nothing about that tool.
import type { ToolName } from '@aivideomaker/core/tools';
import type { ToolApprovalStatus } from 'ai';

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
