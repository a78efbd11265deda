// A tool failure as the AI SDK should carry it: the model reads the message (core's advice text, which
// never holds the key), the app reads `code` and the original error as `cause`.
import { isAIVideoMakerError } from '@aivideomaker/core';
import { formatToolError } from '@aivideomaker/core/tools';

export class AIVideoMakerToolError extends Error {
  override readonly name = 'AIVideoMakerToolError';
  /** The core error's stable code (e.g. `invalid_input`, `budget_exceeded`), or `unexpected_error`. */
  readonly code: string;

  constructor(cause: unknown) {
    super(formatToolError(cause), { cause });
    // By brand, not class: the client (and so the error) may come from another copy of core.
    this.code = isAIVideoMakerError(cause) ? cause.code : 'unexpected_error';
  }

  /** The AI SDK shows the model `error.toString()`: give it core's text alone, without the class name. */
  override toString(): string {
    return this.message;
  }
}

/** What a tool throws: an abort stays the signal's reason, so the run stops as aborted; the rest is wrapped. */
export function toToolError(error: unknown, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted && error === signal.reason) return error;
  return new AIVideoMakerToolError(error);
}
