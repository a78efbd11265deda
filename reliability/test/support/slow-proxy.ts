// A loopback proxy in front of the emulator that holds back chosen answers, so a test can line up races
// the emulator alone cannot produce (an answer that arrives after another call has already looked around).
import { createServer, type IncomingMessage, request, type Server } from 'node:http';

export interface SlowProxy {
  url: string;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** Forwards everything to `target`; answers for which `hold` returns a delay are sent that much later. */
export async function slowProxy(
  target: string,
  hold: (req: IncomingMessage, status: number) => number,
): Promise<SlowProxy> {
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    const upstream = request(
      `${target}${req.url ?? '/'}`,
      { method: req.method, headers: req.headers },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const send = () => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(Buffer.concat(chunks));
          };
          const delay = hold(req, answer.statusCode ?? 0);
          if (delay <= 0) return send();
          const timer = setTimeout(() => {
            timers.delete(timer);
            send();
          }, delay);
          timers.add(timer);
        });
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const close = async () => {
    for (const timer of timers) clearTimeout(timer);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { url: `http://127.0.0.1:${port}`, close, [Symbol.asyncDispose]: close };
}
