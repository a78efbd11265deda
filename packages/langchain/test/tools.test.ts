// The mapping itself: core's specs 1:1 as LangChain tools (names, descriptions, schemas, options), the
// toolkit, direct invocation, and the apiKey/baseUrl path in an agent loop.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVideoToolSpecs, TOOL_NAMES } from '@aivideomaker/core/tools';
import type { Emulator } from '@aivideomaker/emulator';
import { AIMessage, ToolMessage } from '@langchain/core/messages';
import { fakeModel } from '@langchain/core/testing';
import { convertToOpenAITool } from '@langchain/core/utils/function_calling';
import { createAgent } from 'langchain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AIVideoMakerToolError, AIVideoMakerToolkit, createAIVideoMakerTools } from '../src/index';
import { clientFor, emulator, KEY, posts, serialized, userAsks } from './helpers';

let emu: Emulator;
let dir: string;
beforeAll(async () => {
  emu = await emulator();
  dir = await mkdtemp(join(tmpdir(), 'aivm-langchain-'));
});
afterAll(async () => {
  await emu.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => emu.clearRequests());

const byName = <T extends { name: string }>(list: T[]) => Object.fromEntries(list.map((t) => [t.name, t]));

describe('createAIVideoMakerTools', () => {
  it('maps every core spec 1:1: name, description, input schema, paid flag', () => {
    const options = { allowedModels: ['t2v' as const, 'i2v' as const, 'lv' as const] };
    const tools = createAIVideoMakerTools(options);
    const specs = createVideoToolSpecs(options);
    expect(tools.map((t) => t.name)).toEqual([...TOOL_NAMES]);
    for (const [i, spec] of specs.entries()) {
      const tool = tools[i];
      expect(tool?.description).toBe(spec.description);
      expect(z.toJSONSchema(tool?.schema as z.ZodType)).toEqual(z.toJSONSchema(spec.inputSchema));
      expect(tool?.metadata).toEqual({ paid: spec.paid });
      expect(tool?.responseFormat).toBe('content_and_artifact');
    }
    // What a chat model is shown: narrowed model enum, durations as the documented strings.
    const { parameters } = convertToOpenAITool(tools[0]!).function as {
      parameters: { properties: Record<string, { enum?: string[] }>; required: string[] };
    };
    expect(parameters.properties.model?.enum).toEqual(['t2v']);
    expect(parameters.properties.duration?.enum).toEqual(['5', '8']);
    expect(parameters.required).toEqual(['prompt']);
  });

  it('takes the same options as core: pick, omit, allowedModels, and names a bad value', () => {
    expect(
      createAIVideoMakerTools({ pick: ['get_video_task', 'list_video_tasks'] }).map((t) => t.name),
    ).toEqual(['get_video_task', 'list_video_tasks']);
    expect(createAIVideoMakerTools({ omit: ['long_video'] })).toHaveLength(6);
    expect(createAIVideoMakerTools({ allowedModels: ['t2v'] }).map((t) => t.name)).not.toContain(
      'image_to_video',
    );
    expect(() => createAIVideoMakerTools({ pick: ['make_video' as 'long_video'] })).toThrow(
      /pick.*make_video/s,
    );
  });

  it('invoked with a tool call returns a ToolMessage with the artifact; with plain args, the text', async () => {
    const { get_video_task, text_to_video } = byName(
      createAIVideoMakerTools({ client: clientFor(emu), wait: false }),
    );
    const submitted = await text_to_video!.invoke({ prompt: 'A heron' });
    expect(submitted).toMatch(/^Task \S+: SUBMITTED/);
    const taskId = emu.tasks(KEY)[0]?.id as string;
    const message = await get_video_task!.invoke({
      type: 'tool_call',
      id: 'c1',
      name: 'get_video_task',
      args: { taskId },
    });
    expect(message).toBeInstanceOf(ToolMessage);
    expect(message.tool_call_id).toBe('c1');
    expect(message.artifact).toMatchObject({ taskId, videoUrls: [] });
    expect(message.content).toContain(taskId);
  });

  it('invoked by code without a tool call, an error is thrown as the typed tool error', async () => {
    const { text_to_video } = byName(
      createAIVideoMakerTools({ client: clientFor(emu), maxCreditsPerCall: 1 }),
    );
    const thrown = await text_to_video!.invoke({ prompt: 'A heron' }).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(AIVideoMakerToolError);
    expect(thrown).toMatchObject({ code: 'budget_exceeded', cause: { name: 'BudgetExceededError' } });
    await expect(text_to_video!.invoke({ prompt: 'A heron', duration: 7 })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(posts(emu)).toHaveLength(0);
  });

  it('takes a null argument as left out, as core does (strict-mode models send null)', async () => {
    const { text_to_video } = byName(createAIVideoMakerTools({ client: clientFor(emu), wait: false }));
    const args = { prompt: 'A heron', duration: null, model: null };
    const message = await text_to_video!.invoke({ type: 'tool_call', id: 'n', name: 'text_to_video', args });
    expect(message.status).toBe('success');
    expect(JSON.parse(posts(emu)[0]?.body ?? '')).toEqual({
      prompt: 'A heron',
      aspectRatio: '16:9',
      duration: '5',
    });
  });

  it('reads local images only inside localFiles.roots', async () => {
    const png = Uint8Array.from(
      atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='),
      (char) => char.charCodeAt(0),
    );
    const path = join(dir, 'cat.png');
    await writeFile(path, png);
    const call = { type: 'tool_call' as const, id: 'c2', name: 'image_to_video', args: { image: path } };
    const closed = byName(createAIVideoMakerTools({ client: clientFor(emu), wait: false }));
    const refused = await closed.image_to_video!.invoke(call);
    expect(refused.status).toBe('error');
    expect(refused.content).toMatch(/^Error \(invalid_input\): .*local files are disabled/);
    const open = byName(
      createAIVideoMakerTools({ client: clientFor(emu), wait: false, localFiles: { roots: [dir] } }),
    );
    expect((await open.image_to_video!.invoke(call)).status).toBe('success');
    expect(JSON.parse(posts(emu)[0]?.body ?? '').image).toMatch(/^data:image\/png;base64,/);
  });
});

describe('AIVideoMakerToolkit', () => {
  it('works in createAgent with apiKey and baseUrl, submitting and then checking the task', async () => {
    const toolkit = new AIVideoMakerToolkit({ apiKey: KEY, baseUrl: emu.url, wait: false });
    expect(toolkit.getTools().map((t) => t.name)).toEqual([...TOOL_NAMES]);
    expect(JSON.stringify(toolkit)).not.toContain(KEY);
    const model = fakeModel()
      .respondWithTools([
        { name: 'text_to_video', args: { prompt: 'Rain on a window', duration: '5' }, id: 'a' },
      ])
      .respond((messages) => {
        const taskId = (messages.at(-1) as ToolMessage).artifact.taskId as string;
        return new AIMessage({
          content: '',
          tool_calls: [{ name: 'get_video_task', args: { taskId }, id: 'b' }],
        });
      })
      .respond(new AIMessage('It is on its way.'));
    const agent = createAgent({ model, tools: toolkit.getTools() });
    const result = await agent.invoke(userAsks('A rainy video'));
    const [submitted, checked] = result.messages.filter((m): m is ToolMessage => ToolMessage.isInstance(m));
    expect(submitted?.artifact).toMatchObject({ status: 'SUBMITTED', creditsCharged: 5 });
    expect(submitted?.content).toMatch(/get_video_task/);
    expect(checked?.artifact.taskId).toBe(submitted?.artifact.taskId);
    expect(emu.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/v1/quote/t2v', // the free price question
      'POST /api/v1/generate/t2v',
      `GET /api/v1/tasks/${submitted?.artifact.taskId}`,
    ]);
    expect(emu.requests.every((r) => r.headers.key === KEY)).toBe(true);
    expect(serialized(result.messages)).not.toContain(KEY);
  });
});
