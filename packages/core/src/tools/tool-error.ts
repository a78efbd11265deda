// The one error every adapter hands the app for a failed tool call (the AI SDK's tool-error part, Mastra's
// tool-error chunk as `cause`, LangChain's error ToolMessage as `artifact`): its message is the line the
// model reads, `code` is the core error's stable code, `cause` the core error itself.
import { formatToolError, type ToolErrorCode, toolErrorCode } from './format-error';

/** Set on every tool error, by every copy of core, so `instanceof` holds across copies. */
const TOOL_ERROR_BRAND: unique symbol = Symbol.for('aivideomaker.tool-error');

export class AIVideoMakerToolError extends Error {
  override readonly name = 'AIVideoMakerToolError';
  /** The core error's stable code (e.g. `invalid_input`, `budget_exceeded`), `aborted` or `unexpected_error`. */
  readonly code: ToolErrorCode;

  constructor(cause: unknown) {
    // Wrapping a tool error again keeps the original failure as the cause.
    const root = cause instanceof AIVideoMakerToolError ? cause.cause : cause;
    super(formatToolError(root), { cause: root });
    this.code = toolErrorCode(root);
    Object.defineProperty(this, TOOL_ERROR_BRAND, { value: true });
  }

  /** Frameworks show the model `error.toString()`: give it core's line alone, without the class name. */
  override toString(): string {
    return this.message;
  }

  /** What survives serialization (a LangGraph checkpoint, a log): name, code and the model's line. */
  toJSON(): { name: string; code: ToolErrorCode; message: string } {
    return { name: this.name, code: this.code, message: this.message };
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && TOOL_ERROR_BRAND in value;
  }
}

/**
 * What a tool throws for a failure: the signal's own reason when the run was aborted (the framework then
 * stops the run as aborted), otherwise an AIVideoMakerToolError.
 */
export function toToolError(error: unknown, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted && error === signal.reason) return error;
  return new AIVideoMakerToolError(error);
}
