// Streamable HTTP at /mcp, stateless: every POST gets a fresh MCP server on the session of its key, so one
// hosted process serves many users. The key is the request's `Authorization: Bearer <key>` (else the
// server's AIVIDEOMAKER_API_KEY; neither: 401). It is only handed to that key's client, never logged or
// kept anywhere else. Host-header validation (the SDK's) guards against DNS rebinding: loopback names
// always, more with --allowed-host.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_KEY_ENV } from '@aivideomaker/core/internal';
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { coreLogger, type Log } from './log';
import type { HttpOptions, ServerOptions } from './options';
import { createMcpServer } from './server';
import { KeySessions } from './session';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

export interface HttpServerHandle {
  /** The MCP endpoint, e.g. http://127.0.0.1:3000/mcp. */
  url: string;
  close(): Promise<void>;
}

/** The key of a request: its bearer token, else the server's key; undefined when there is neither. */
export function requestKey(
  authorization: string | undefined,
  serverKey: string | undefined,
): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (authorization !== undefined && authorization.trim() !== '' && !bearer) return undefined;
  return bearer ?? (serverKey?.trim() || undefined);
}

function jsonRpcError(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, {
    'content-type': 'application/json',
    ...(status === 401 ? { 'www-authenticate': 'Bearer realm="aivideomaker"' } : {}),
  });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32001, message }, id: null }));
}

export async function serveHttp(
  options: ServerOptions,
  http: HttpOptions,
  log: Log,
): Promise<HttpServerHandle> {
  const sessions = new KeySessions(options, coreLogger(log, options.verbose));
  const serverKey = process.env[API_KEY_ENV];
  const app = createMcpExpressApp({
    host: http.host,
    ...(http.allowedHosts.length > 0 ? { allowedHosts: [...LOOPBACK_NAMES, ...http.allowedHosts] } : {}),
  });

  app.post('/mcp', async (req: IncomingMessage & { body?: unknown }, res: ServerResponse) => {
    const key = requestKey(req.headers.authorization, serverKey);
    if (!key) {
      log('POST /mcp -> 401 (no bearer key)');
      jsonRpcError(res, 401, 'Unauthorized: send "Authorization: Bearer <your AI Video Maker API key>".');
      return;
    }
    const server = createMcpServer(sessions.get(key), log);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    try {
      await server.connect(transport);
      await transport.handleRequest(req, res, req.body);
      log(`POST /mcp -> ${res.statusCode}`);
    } catch (error) {
      log(`POST /mcp failed: ${error instanceof Error ? error.name : 'error'}`);
      if (!res.headersSent) jsonRpcError(res, 500, 'Internal server error');
    }
  });
  // Stateless: no standalone event stream and no session to delete.
  app.all('/mcp', (_req: IncomingMessage, res: ServerResponse) => {
    jsonRpcError(res, 405, 'Method not allowed: POST JSON-RPC messages to /mcp.');
  });

  const listener: Server = await new Promise((resolve, reject) => {
    const started = app.listen(http.port, http.host, (error?: Error) =>
      error ? reject(error) : resolve(started),
    );
  });
  const { port } = listener.address() as AddressInfo;
  const host = http.host.includes(':') ? `[${http.host}]` : http.host;
  const url = `http://${host}:${port}/mcp`;
  log(`Streamable HTTP server listening on ${url}`);
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        listener.closeAllConnections?.();
        listener.close(() => resolve());
      }),
  };
}
