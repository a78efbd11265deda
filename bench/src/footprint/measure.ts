// Size of the tool definitions a framework hands to a model: the JSON of each definition as captured from
// the model's recorded call (name, description, input JSON schema, plus the framework's own wrapper keys).
// Tokens are approximated as characters / 4, the usual rule of thumb for English text and JSON.
export interface ToolFootprint {
  name: string;
  chars: number;
  approxTokens: number;
}

export interface AdapterFootprint {
  adapter: string;
  /** How the definitions were captured. */
  capturedFrom: string;
  /** Set when nothing was measured: the adapter is not built yet, or capturing failed. */
  skipped?: string;
  error?: string;
  tools: ToolFootprint[];
  totalChars: number;
  approxTokens: number;
}

export const approxTokens = (chars: number): number => Math.ceil(chars / 4);

export function footprintOf(
  adapter: string,
  capturedFrom: string,
  definitions: { name: string; definition: unknown }[],
): AdapterFootprint {
  const tools = definitions.map(({ name, definition }) => {
    const chars = JSON.stringify(definition).length;
    return { name, chars, approxTokens: approxTokens(chars) };
  });
  const totalChars = tools.reduce((sum, tool) => sum + tool.chars, 0);
  return { adapter, capturedFrom, tools, totalChars, approxTokens: approxTokens(totalChars) };
}

/** The adapter factory every adapter exports; its options are core's tool-set options. */
export type CreateTools = (options: { client: unknown }) => unknown;
