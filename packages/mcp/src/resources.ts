// The resource template aivideomaker://tasks/{id}: a task as JSON, read fresh from the API each time, so a
// host can keep a link to a task (every tool result carries one) and look at it again later.
import { formatToolError } from '@aivideomaker/core/tools';
import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { KeySession } from './session';

export const TASK_URI_TEMPLATE = 'aivideomaker://tasks/{id}';

export function taskResourceUri(taskId: string): string {
  return `aivideomaker://tasks/${encodeURIComponent(taskId)}`;
}

export function registerTaskResource(server: McpServer, session: KeySession): void {
  server.registerResource(
    'video-task',
    // Not listed: listing would spend a rate-limited API call whenever a host looks at resources.
    new ResourceTemplate(TASK_URI_TEMPLATE, { list: undefined }),
    {
      title: 'AI Video Maker task',
      description:
        'A video task as JSON (status, model, input, output with the video URL once COMPLETED). Video URLs expire: the service keeps files about 24 hours.',
      mimeType: 'application/json',
    },
    async (uri, variables, extra) => {
      const id = decodeURIComponent(String(variables.id ?? ''));
      try {
        const task = await session.client().tasks.get(id, { signal: extra.signal });
        return {
          contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(task, null, 2) }],
        };
      } catch (error) {
        throw new Error(formatToolError(error));
      }
    },
  );
}
