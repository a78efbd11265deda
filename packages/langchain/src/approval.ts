// Human approval of the calls that spend credits: the `interruptOn` map of LangChain's
// humanInTheLoopMiddleware, built from the `paid` flag each core spec carries in the tool's metadata.
export type ApprovalDecision = 'approve' | 'edit' | 'reject';

export interface InterruptOnPaidToolsOptions {
  /** Default: approve, edit (the arguments) and reject. */
  allowedDecisions?: ApprovalDecision[];
  /** Shown to the reviewer; default: LangChain's text with the tool name and its arguments. */
  description?: string;
}

export interface PaidToolInterruptConfig {
  allowedDecisions: ApprovalDecision[];
  description?: string;
}

/**
 * `humanInTheLoopMiddleware({ interruptOn: interruptOnPaidTools(tools) })`: pause before every tool call that
 * spends credits. Tools without `metadata.paid` (the free video tools, or any other tool) are not listed.
 */
export function interruptOnPaidTools(
  tools: readonly { name: string; metadata?: Record<string, unknown> | undefined }[],
  options: InterruptOnPaidToolsOptions = {},
): Record<string, PaidToolInterruptConfig> {
  const config: PaidToolInterruptConfig = {
    allowedDecisions: options.allowedDecisions ?? ['approve', 'edit', 'reject'],
    ...(options.description === undefined ? {} : { description: options.description }),
  };
  return Object.fromEntries(
    tools.filter((tool) => tool.metadata?.paid === true).map((tool) => [tool.name, { ...config }]),
  );
}
