// MCP: the tool definitions a host receives from the server's tools/list (name, title, description, input
// and output schema, annotations, execution), read by the MCP SDK's own client over an in-memory transport.
// A host passes at least the name, description and input schema of each on to its model.
import { createKeySession, createMcpServer, DEFAULT_WAIT_SECONDS } from '@aivideomaker/mcp';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { footprintOf } from './measure.ts';

export async function measureMcp(capturedFrom: string) {
  // Listing tools sends nothing to the API; the key only satisfies the client.
  const session = createKeySession(
    { waitMs: DEFAULT_WAIT_SECONDS * 1000, imageFolders: [], verbose: false },
    'bench-footprint',
  );
  const server = createMcpServer(session, () => undefined);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'bench', version: '1.0.0' });
  await client.connect(clientSide);
  try {
    const { tools } = await client.listTools();
    return footprintOf(
      'mcp',
      capturedFrom,
      tools.map((tool) => ({ name: tool.name, definition: tool })),
    );
  } finally {
    await client.close();
    await server.close();
    session.taskStore.cleanup();
  }
}
