// A loopback stand-in for a package registry (ClawHub's API): JSON answers for the routes a test names,
// `404 {"error":"not found"}` for everything else, and a record of every request, so a publish dry run
// can be checked to upload nothing.
import { createServer, type IncomingHttpHeaders } from 'node:http';

export interface RegistryRequest {
  method: string;
  /** Path and query as sent. */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

export interface StubRegistry {
  url: string;
  seen: RegistryRequest[];
  close(): Promise<void>;
}

/** Starts the stub on a free loopback port; `routes` maps a path to the JSON it answers with 200. */
export async function stubRegistry(routes: Record<string, unknown> = {}): Promise<StubRegistry> {
  const seen: RegistryRequest[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    seen.push({
      method: request.method ?? 'GET',
      url: request.url ?? '/',
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
    });
    response.setHeader('content-type', 'application/json');
    if (Object.hasOwn(routes, url.pathname)) return response.end(JSON.stringify(routes[url.pathname]));
    response.statusCode = 404;
    response.end(JSON.stringify({ error: 'not found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
