// The built bin over stdio, driven by the MCP SDK's client the way a desktop host drives it, against the
// emulator over real HTTP.

import { inputErrorLine, videoTaskOutput } from '@aivideomaker/core/internal';
import { createVideoToolSpecs } from '@aivideomaker/core/tools';
import type { Emulator } from '@aivideomaker/emulator';
import type { CallToolResult, ResourceLink } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  emulator,
  emulatorPerFile,
  generateRequests,
  KEY,
  type StdioServer,
  stdioServer,
  TEXT_TO_VIDEO,
  textOf,
} from './helpers';

const emu = emulatorPerFile(() => emulator(), false);

describe('over stdio', () => {
  let server: StdioServer;
  beforeAll(async () => {
    server = await stdioServer(emu, ['--verbose']);
  });
  afterAll(() => server.close());

  it('lists exactly core tool specs: names, descriptions, schemas, annotations', async () => {
    const { tools } = await server.client.listTools();
    const specs = createVideoToolSpecs({ wait: { timeoutMs: 40_000 } });
    expect(tools.map((tool) => tool.name)).toEqual(specs.map((spec) => spec.name));
    for (const spec of specs) {
      const tool = tools.find((candidate) => candidate.name === spec.name);
      expect(tool?.description).toBe(spec.description);
      expect(tool?.title).toBe(spec.title);
      const input = z.toJSONSchema(spec.inputSchema, { target: 'draft-7', io: 'input' }) as {
        properties: unknown;
        required?: unknown;
      };
      expect(tool?.inputSchema.properties).toEqual(input.properties);
      expect(tool?.inputSchema.required).toEqual(input.required);
      // What a tool returns is described as output (objects closed to extra keys).
      const output = z.toJSONSchema(spec.outputSchema, { target: 'draft-7', io: 'output' }) as {
        properties: unknown;
      };
      expect(tool?.outputSchema?.properties).toEqual(output.properties);
      expect(tool?.annotations?.openWorldHint).toBe(true);
      const readOnly = ['get_video_task', 'list_video_tasks', 'estimate_video_credits'].includes(spec.name);
      expect(tool?.annotations?.readOnlyHint).toBe(readOnly);
      expect(tool?.execution?.taskSupport).toBe(spec.paid ? 'optional' : 'forbidden');
    }
  });

  it('text_to_video reports every status change as progress and returns the video as a resource link', async () => {
    const messages: string[] = [];
    const result = (await server.client.callTool(
      { name: 'text_to_video', arguments: TEXT_TO_VIDEO },
      undefined,
      {
        onprogress: (progress) => messages.push(progress.message ?? ''),
        resetTimeoutOnProgress: true,
      },
    )) as CallToolResult;
    expect(result.isError).toBeFalsy();
    const statuses = messages.map((message) => /SUBMITTED|Submitted|PROGRESS|COMPLETED/.exec(message)?.[0]);
    expect(statuses).toEqual(['Submitted', 'PROGRESS', 'COMPLETED']);
    // The message of core's progress payload, as LangChain's and Mastra's adapters stream it.
    expect(messages[0]).toMatch(/^Submitted t2v task \S+ \(5 credits\); generating takes minutes\.$/);
    expect(messages.slice(1)).toEqual([
      expect.stringMatching(/^Task \S+ is PROGRESS \(\d+ s elapsed\)\.$/),
      expect.stringMatching(/^Task \S+ is COMPLETED \(\d+ s elapsed\)\.$/),
    ]);
    const output = videoTaskOutput.parse(result.structuredContent);
    expect(output.status).toBe('COMPLETED');
    expect(output.videoUrls).toHaveLength(1);
    const link = result.content.find(
      (part): part is ResourceLink => part.type === 'resource_link' && part.mimeType === 'video/mp4',
    );
    expect(link?.uri).toBe(output.videoUrls[0]);
    expect(link?.description).toMatch(/expire/);
    expect(textOf(result)).toMatch(/expire/);
    const video = await fetch(link?.uri ?? '');
    expect(video.headers.get('content-type')).toMatch(/video\/mp4/);
    await video.arrayBuffer();
    const requests = generateRequests(emu);
    expect(requests).toHaveLength(1);
    expect(JSON.parse(requests[0]?.body ?? '{}')).toMatchObject({
      prompt: TEXT_TO_VIDEO.prompt,
      duration: '5',
    });

    const uri = result.content.find(
      (part): part is ResourceLink => part.type === 'resource_link' && part.uri.startsWith('aivideomaker://'),
    )?.uri;
    expect(uri).toBe(`aivideomaker://tasks/${output.taskId}`);
    const resource = await server.client.readResource({ uri: uri ?? '' });
    const task = JSON.parse((resource.contents[0] as { text: string }).text);
    expect(task).toMatchObject({ id: output.taskId, status: 'COMPLETED' });
  });

  it("bad arguments give isError with core's one line naming the field, and nothing reaches the emulator", async () => {
    emu.clearRequests();
    const [textToVideo] = createVideoToolSpecs();
    // The same bad arguments as in the AI SDK, LangChain and Mastra tests, and a model-specific rule.
    for (const args of [
      { prompt: 'A fox', duration: 7 },
      { duration: '5' },
      { prompt: 'a cat', duration: '7' },
      { prompt: 'a cat', model: 't2v', duration: '10' },
    ]) {
      const result = (await server.client.callTool({
        name: 'text_to_video',
        arguments: args,
      })) as CallToolResult;
      const line = inputErrorLine(textToVideo!.inputSchema, args);
      expect(line).toMatch(/^Error \(invalid_input\): Invalid (duration|prompt): [^\n]+ Fix the input/);
      expect(result).toEqual({ content: [{ type: 'text', text: line }], isError: true });
    }
    expect(emu.requests).toHaveLength(0);
  });

  it('never shows the key on stderr (logs are on stderr only; --verbose logs every request)', () => {
    expect(server.stderr()).toMatch(/stdio server ready/);
    expect(server.stderr()).toMatch(/GET \/api\/v1\/tasks/);
    expect(server.stderr()).not.toContain(KEY);
  });
});

describe('with a wait bound shorter than the render', () => {
  it('returns the task id at the bound, and a later get_video_task returns the video', async () => {
    const server = await stdioServer(emu, ['--wait', '0.2']);
    try {
      const first = (await server.client.callTool({
        name: 'text_to_video',
        arguments: TEXT_TO_VIDEO,
      })) as CallToolResult;
      expect(first.isError).toBeFalsy();
      const started = videoTaskOutput.parse(first.structuredContent);
      expect(['SUBMITTED', 'PROGRESS']).toContain(started.status);
      expect(started.message).toMatch(/get_video_task/);
      let output = started;
      for (let attempt = 0; attempt < 50 && output.status !== 'COMPLETED'; attempt++) {
        const next = (await server.client.callTool({
          name: 'get_video_task',
          arguments: { taskId: started.taskId },
        })) as CallToolResult;
        output = videoTaskOutput.parse(next.structuredContent);
        if (output.status === 'COMPLETED') {
          expect(
            next.content.some((part) => part.type === 'resource_link' && part.mimeType === 'video/mp4'),
          ).toBe(true);
        }
      }
      expect(output.status).toBe('COMPLETED');
      expect(output.videoUrls).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});

describe('a call the client cancels', () => {
  let slow: Emulator;
  let server: StdioServer;
  beforeAll(async () => {
    // Queued for 3 s: the cancel certainly arrives while the task can still be cancelled.
    slow = await emulator({ speed: 1 });
    server = await stdioServer(slow);
  });
  afterAll(async () => {
    await server.close();
    await slow.close();
  });

  it('the client cancelling a call stops the wait at once and cancels the queued task', async () => {
    const controller = new AbortController();
    const call = server.client.callTool({ name: 'text_to_video', arguments: TEXT_TO_VIDEO }, undefined, {
      signal: controller.signal,
      onprogress: () => controller.abort('user cancelled'),
    });
    await expect(call).rejects.toThrow(/cancel/i);
    const [submitted] = generateRequests(slow);
    expect(submitted).toBeDefined();
    // The server stopped waiting: its cancel of the still-queued task reached the emulator.
    await expect.poll(() => slow.tasks(KEY)[0]?.status).toBe('CANCEL');
    const polls = slow.requests.filter((request) => request.method === 'GET').length;
    const later = await server.client.callTool({
      name: 'estimate_video_credits',
      arguments: { model: 't2v' },
    });
    expect(later.isError).toBeFalsy();
    expect(slow.requests.filter((request) => request.method === 'GET').length).toBe(polls);
  });
});
