// The web demo's server: plain node:http, no framework. It serves the page (bundled once at start), answers
// the page's chat requests with the agent's UI message stream, and lists the account's tasks. It holds the
// API key; nothing it sends to the browser contains it (the test checks every response).
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { DemoEnvironment } from '../environment.ts';
import { SCRIPTED_LABEL } from '../models/script.ts';
import { type ChatMessage, createWebAgent } from './agent.ts';
import { bundlePage, PAGE_DIR } from './bundle.ts';

export interface WebDemoOptions {
  env: DemoEnvironment;
  port?: number;
  host?: string;
}

export interface WebDemo {
  url: string;
  close(): Promise<void>;
}

const MAX_BODY = 1_000_000;

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

async function sendVideo(response: ServerResponse, taskId: string, url: string | undefined): Promise<void> {
  const video = url ? await fetch(url, { redirect: 'error' }) : undefined;
  if (!video?.ok || !video.body) return send(response, 404, 'text/plain', `no video for task ${taskId}`);
  response.writeHead(200, {
    'content-type': video.headers.get('content-type') ?? 'video/mp4',
    'content-disposition': `attachment; filename="${taskId}.mp4"`,
    'cache-control': 'no-store',
  });
  await pipeline(Readable.fromWeb(video.body as NodeReadableStream), response);
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

export async function startWebDemo({ env, port = 0, host = '127.0.0.1' }: WebDemoOptions): Promise<WebDemo> {
  const agent = createWebAgent(env);
  const [script, css, template] = await Promise.all([
    bundlePage(),
    readFile(join(PAGE_DIR, 'style.css'), 'utf8'),
    readFile(join(PAGE_DIR, 'index.html'), 'utf8'),
  ]);
  // Only labels reach the page: the mode and the model, never the key or the API's address.
  const html = template
    .replace(
      '{{mode}}',
      escapeHtml(
        env.mode === 'emulator' ? 'local emulator (free, offline)' : 'real API: videos cost credits',
      ),
    )
    .replace('{{model}}', escapeHtml(agent.modelLabel))
    .replace(
      '{{modelNote}}',
      agent.modelLabel === SCRIPTED_LABEL
        ? ' <span class="muted">(it plays a script: whatever you ask, it asks for the same 5 s paper-boat video)</span>'
        : '',
    );

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const route = `${request.method} ${path}`;
    if (route === 'GET /') return send(response, 200, 'text/html; charset=utf-8', html);
    if (route === 'GET /page.js') return send(response, 200, 'text/javascript; charset=utf-8', script);
    if (route === 'GET /style.css') return send(response, 200, 'text/css; charset=utf-8', css);
    if (route === 'GET /favicon.ico') return send(response, 204, 'text/plain', '');
    if (route === 'GET /api/tasks') {
      return send(response, 200, 'application/json', JSON.stringify(await agent.listTasks()));
    }
    // A download from the page's own origin: a cross-origin link's `download` attribute is ignored, so
    // the browser would open the MP4 instead of saving it. The video host gets no key (it needs none).
    const download = /^GET \/api\/download\/([A-Za-z0-9._~-]{1,128})$/.exec(route)?.[1];
    if (download) return sendVideo(response, download, await agent.videoUrl(download));
    if (route === 'POST /api/chat') {
      const body = (await readJson(request)) as { messages?: ChatMessage[] };
      if (!Array.isArray(body.messages))
        return send(response, 400, 'text/plain', 'messages: expected an array');
      return agent.chat(body.messages, response);
    }
    send(response, 404, 'text/plain', 'not found');
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // Errors from our own code and core are keyless (core redacts); log the message, answer plainly.
      const message = error instanceof Error ? error.message : String(error);
      console.error(`web demo: ${request.method} ${request.url}: ${message}`);
      if (!response.headersSent) send(response, 500, 'text/plain', message);
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
