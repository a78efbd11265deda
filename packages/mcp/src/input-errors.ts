// The SDK checks tools/call arguments against a tool's schema before the handler runs and answers a
// mismatch in its own words ("MCP error -32602: Input validation error: ..." and a JSON dump of the
// issues). The AI SDK, LangChain and Mastra adapters give the model core's one line instead, so this server
// checks with core's parser first: the same schema, the same verdict, core's line. The SDK turns the
// thrown error into the usual isError result with that text, before any task is created.
import { parseToolInput } from '@aivideomaker/core/internal';
import { formatToolError, type VideoToolSpec } from '@aivideomaker/core/tools';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

type Validate = (tool: unknown, args: unknown, toolName: string) => Promise<unknown>;

export function useCoreInputErrors(server: McpServer, specs: readonly VideoToolSpec[]): void {
  // A private method of McpServer (SDK 1.x); the tests fail loudly if a new SDK renames it.
  const target = server as unknown as { validateToolInput?: Validate };
  const sdkValidate = target.validateToolInput?.bind(server);
  if (!sdkValidate) throw new Error('@modelcontextprotocol/sdk: McpServer.validateToolInput not found');
  target.validateToolInput = async (tool, args, toolName) => {
    const spec = specs.find((candidate) => candidate.name === toolName);
    if (!spec) return sdkValidate(tool, args, toolName);
    try {
      return parseToolInput(spec.inputSchema, args);
    } catch (error) {
      throw new Error(formatToolError(error));
    }
  };
}
