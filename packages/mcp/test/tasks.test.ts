// MCP Tasks through the SDK's experimental tasks client against the built bin over stdio: a task at once,
// tasks/get mapping our statuses, tasks/result with the video, tasks/cancel cancelling a queued render and
// refused (the task keeps running) once rendering started.
import { videoTaskOutput } from '@aivideomaker/core/internal';
import type { Emulator } from '@aivideomaker/emulator';
import { type CallToolResult, CallToolResultSchema, type Task } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulator, generateRequests, KEY, type StdioServer, stdioServer, TEXT_TO_VIDEO } from './helpers';

describe('task-augmented calls', () => {
  let emu: Emulator;
  let server: StdioServer;
  beforeAll(async () => {
    emu = await emulator();
    server = await stdioServer(emu);
    // As a host does: the client learns from tools/list which tools take tasks.
    await server.client.listTools();
  });
  afterAll(async () => {
    await server.close();
    await emu.close();
  });

  it('create a task at once, report its status through tasks/get, and deliver the video in tasks/result', async () => {
    const statuses: Task['status'][] = [];
    const messages: string[] = [];
    let created: Task | undefined;
    let result: CallToolResult | undefined;
    for await (const message of server.client.experimental.tasks.callToolStream({
      name: 'text_to_video',
      arguments: TEXT_TO_VIDEO,
    })) {
      if (message.type === 'taskCreated') created = message.task;
      if (message.type === 'taskStatus') {
        statuses.push(message.task.status);
        messages.push(message.task.statusMessage ?? '');
      }
      if (message.type === 'result') result = message.result as CallToolResult;
      if (message.type === 'error') throw message.error;
    }
    expect(created?.status).toBe('working');
    expect(statuses.at(-1)).toBe('completed');
    expect(messages.some((message) => /PROGRESS|Submitted/.test(message))).toBe(true);
    const output = videoTaskOutput.parse(result?.structuredContent);
    expect(output.status).toBe('COMPLETED');
    expect(
      result?.content.some((part) => part.type === 'resource_link' && part.mimeType === 'video/mp4'),
    ).toBe(true);
    expect(generateRequests(emu)).toHaveLength(1);
    const { tasks } = await server.client.experimental.tasks.listTasks();
    expect(tasks.map((task) => task.taskId)).toContain(created?.taskId);
  });

  it('maps a FAILED render to a failed task whose result says the credits were refunded', async () => {
    let last: Task | undefined;
    const errors: unknown[] = [];
    const stream = server.client.experimental.tasks.callToolStream({
      name: 'text_to_video',
      arguments: { ...TEXT_TO_VIDEO, prompt: 'a storm [fail]' },
    });
    for await (const message of stream) {
      if (message.type === 'taskStatus') last = message.task;
      if (message.type === 'error') errors.push(message.error);
    }
    expect(last?.status).toBe('failed');
    expect(errors).toHaveLength(1);
    const result = (await server.client.experimental.tasks.getTaskResult(
      last?.taskId ?? '',
      CallToolResultSchema,
    )) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(videoTaskOutput.parse(result.structuredContent)).toMatchObject({
      status: 'FAILED',
      creditsCharged: 0,
    });
    expect(JSON.stringify(result.content)).toMatch(/refunded/);
  });
});

describe('tasks/cancel', () => {
  let slow: Emulator;
  let server: StdioServer;
  beforeAll(async () => {
    // Queued for 3 s, then rendering for 40 s: time to cancel while queued, and to try once rendering.
    slow = await emulator({ speed: 1 });
    server = await stdioServer(slow, ['--poll-interval', '200']);
    await server.client.listTools();
  });
  afterAll(async () => {
    await server.close();
    await slow.close();
  });

  async function startTask(): Promise<string> {
    const stream = server.client.experimental.tasks.callToolStream({
      name: 'text_to_video',
      arguments: TEXT_TO_VIDEO,
    });
    const first = await stream.next();
    // Only the creation is needed; the stream's own polling would keep going.
    await stream.return(undefined);
    if (first.value?.type !== 'taskCreated')
      throw new Error(`expected taskCreated, got ${JSON.stringify(first.value)}`);
    return first.value.task.taskId;
  }

  it('cancels a SUBMITTED render (refunded) and marks the task cancelled', async () => {
    const taskId = await startTask();
    const cancelled = await server.client.experimental.tasks.cancelTask(taskId);
    expect(cancelled.status).toBe('cancelled');
    const [videoTask] = slow.tasks(KEY);
    expect(videoTask?.status).toBe('CANCEL');
    expect(slow.ledger.balance(KEY)).toBe(1000);
    expect((await server.client.experimental.tasks.getTask(taskId)).status).toBe('cancelled');
  });

  it('refuses once rendering started, with the reason, and the task keeps working', {
    timeout: 20_000,
  }, async () => {
    const taskId = await startTask();
    await expect.poll(() => slow.tasks(KEY)[0]?.status, { timeout: 10_000 }).toBe('PROGRESS');
    await expect(server.client.experimental.tasks.cancelTask(taskId)).rejects.toThrow(/SUBMITTED/);
    expect((await server.client.experimental.tasks.getTask(taskId)).status).toBe('working');
  });
});
