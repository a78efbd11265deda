// The built bin with --http: every request's bearer key is that user's API key. Two users see only their
// own tasks; no bearer (and no server key) is a 401; the keys show in no log line, result or error.
import { videoTaskOutput } from '@aivideomaker/core/internal';
import type { Emulator } from '@aivideomaker/emulator';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  emulator,
  generateRequests,
  type HttpServer,
  httpClient,
  httpServer,
  KEY,
  OTHER_KEY,
  TEXT_TO_VIDEO,
  textOf,
} from './helpers';

let emu: Emulator;
let server: HttpServer;
let alice: Client;
let bob: Client;
const seen: string[] = [];

beforeAll(async () => {
  emu = await emulator();
  server = await httpServer(emu, ['--verbose', '--wait', '0']);
  alice = await httpClient(server.url, KEY);
  bob = await httpClient(server.url, OTHER_KEY);
});
afterAll(async () => {
  await alice.close();
  await bob.close();
  await server.close();
  await emu.close();
});

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  seen.push(JSON.stringify(result));
  return result;
}

describe('over Streamable HTTP', () => {
  it("forwards each bearer key as that user's API key, and each sees only their own tasks", async () => {
    const a = videoTaskOutput.parse((await call(alice, 'text_to_video', TEXT_TO_VIDEO)).structuredContent);
    const b = videoTaskOutput.parse(
      (await call(bob, 'text_to_video', { ...TEXT_TO_VIDEO, prompt: 'a blue whale' })).structuredContent,
    );
    expect(generateRequests(emu).map((request) => request.headers.key)).toEqual([KEY, OTHER_KEY]);

    const listOf = async (client: Client) =>
      (
        (await call(client, 'list_video_tasks', {})).structuredContent as { tasks: { taskId: string }[] }
      ).tasks.map((task) => task.taskId);
    expect(await listOf(alice)).toEqual([a.taskId]);
    expect(await listOf(bob)).toEqual([b.taskId]);

    const foreign = await call(alice, 'get_video_task', { taskId: b.taskId });
    expect(foreign.isError).toBe(true);
    expect(textOf(foreign)).toMatch(/No task with that id/);
  });

  it('keeps one tool set per key across requests: a total credit cap spans requests, per key', async () => {
    const capped = await httpServer(emu, ['--wait', '0', '--max-credits-total', '5']);
    const clients = [await httpClient(capped.url, KEY), await httpClient(capped.url, KEY)];
    const other = await httpClient(capped.url, OTHER_KEY);
    try {
      const before = generateRequests(emu).length;
      expect((await call(clients[0] as Client, 'text_to_video', TEXT_TO_VIDEO)).isError).toBeFalsy();
      const refused = await call(clients[1] as Client, 'text_to_video', TEXT_TO_VIDEO);
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toMatch(/budget/);
      expect((await call(other, 'text_to_video', TEXT_TO_VIDEO)).isError).toBeFalsy();
      expect(generateRequests(emu).length - before).toBe(2);
      seen.push(capped.stderr());
    } finally {
      for (const client of [...clients, other]) await client.close();
      await capped.close();
    }
  });

  it('answers 401 to a request without a bearer when the server has no key', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    await expect(httpClient(server.url, undefined)).rejects.toThrow(/401|Unauthorized/);
  });

  it('serves only POST (stateless): GET and DELETE get 405', async () => {
    for (const method of ['GET', 'DELETE']) {
      const response = await fetch(server.url, { method, headers: { authorization: `Bearer ${KEY}` } });
      expect(response.status).toBe(405);
      await response.arrayBuffer();
    }
  });

  it("uses the server's own AIVIDEOMAKER_API_KEY for a request without a bearer", async () => {
    const keyed = await httpServer(emu, [], { AIVIDEOMAKER_API_KEY: KEY });
    const anonymous = await httpClient(keyed.url, undefined);
    try {
      const result = await call(anonymous, 'list_video_tasks', {});
      expect(result.isError).toBeFalsy();
      const ids = (result.structuredContent as { tasks: { taskId: string }[] }).tasks.map(
        (task) => task.taskId,
      );
      expect(ids).toEqual(
        emu
          .tasks(KEY)
          .map((task) => task.id)
          .slice(0, 10),
      );
      seen.push(keyed.stderr());
    } finally {
      await anonymous.close();
      await keyed.close();
    }
  });

  it('refuses a Host header that is not loopback (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const url = new URL(server.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { host: 'evil.example' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('a rejected key gets advice, not the key', async () => {
    const mallory = await httpClient(server.url, 'fake-key-WRONGSENTINEL-000');
    try {
      const result = await call(mallory, 'list_video_tasks', {});
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/API key/);
      expect(textOf(result)).not.toContain('WRONGSENTINEL');
    } finally {
      await mallory.close();
    }
  });

  it('shows the keys in no log line, result or error', () => {
    expect(server.stderr()).toMatch(/POST \/mcp -> 200/);
    expect(server.stderr()).toMatch(/GET \/api\/v1\/tasks/);
    for (const text of [server.stderr(), ...seen]) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(OTHER_KEY);
      expect(text).not.toContain('WRONGSENTINEL');
    }
  });
});
