// The framework-neutral tool specs, executed against the emulator: validation and policy before any
// request, a budget that holds under parallel calls, waiting with progress, errors a model can act on.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from '@aivideomaker/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { approvalPolicy } from '../src/internal';
import {
  createVideoToolSpecs,
  formatToolError,
  TOOL_NAMES,
  type VideoToolProgress,
  type VideoToolSetOptions,
  type VideoToolSpec,
} from '../src/tools/index';
import { clientFor, emulator, KEY, PNG_BYTES, PNG_DATA_URL } from './helpers';

let emu: Emulator;
let dir: string;
beforeAll(async () => {
  emu = await emulator();
  dir = await mkdtemp(join(tmpdir(), 'aivm-tools-'));
});
afterAll(async () => {
  await emu.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => emu.clearRequests());

function tools(options: VideoToolSetOptions = {}): Record<string, VideoToolSpec> {
  const specs = createVideoToolSpecs({ client: clientFor(emu), ...options });
  return Object.fromEntries(specs.map((spec) => [spec.name, spec]));
}
const posts = () => emu.requests.filter((r) => r.method === 'POST');
/** The paid POSTs (a quote, free, may precede each). */
const generates = () => posts().filter((r) => r.path.startsWith('/api/v1/generate/'));

describe('tool specs', () => {
  it('have one approval rule for every adapter: true or "paid" = the paid tools, a list = those tools', () => {
    const specs = createVideoToolSpecs({ apiKey: KEY });
    const approved = (option: Parameters<typeof approvalPolicy>[0]) =>
      specs.filter(approvalPolicy(option, 'requireApproval')).map((spec) => spec.name);
    const paid = ['text_to_video', 'image_to_video', 'long_video'];
    expect(approved(true)).toEqual(paid);
    expect(approved('paid')).toEqual(paid);
    expect(approved(false)).toEqual([]);
    expect(approved(undefined)).toEqual([]);
    expect(approved(['cancel_video_task'])).toEqual(['cancel_video_task']);
    expect(() => approved(['make_video' as 'text_to_video'])).toThrow(
      /requireApproval.*"make_video" is not a tool name/,
    );
    expect(() => approved('always' as 'paid')).toThrow(/requireApproval.*"always" is not allowed/);
  });

  it('are the seven tools, with JSON-schema friendly inputs and outputs, and need no key to list', () => {
    const specs = createVideoToolSpecs({ apiKey: undefined, baseUrl: 'https://api.test' });
    expect(specs.map((spec) => spec.name)).toEqual([...TOOL_NAMES]);
    expect(specs.filter((spec) => spec.paid).map((spec) => spec.name)).toEqual([
      'text_to_video',
      'image_to_video',
      'long_video',
    ]);
    for (const spec of specs) {
      expect(spec.description.length).toBeGreaterThan(60);
      expect(z.toJSONSchema(spec.inputSchema)).toMatchObject({ type: 'object' });
      expect(z.toJSONSchema(spec.outputSchema)).toMatchObject({ type: 'object' });
    }
    const t2v = z.toJSONSchema(specs[0]!.inputSchema) as { properties: Record<string, { enum?: string[] }> };
    expect(t2v.properties.model?.enum).toEqual(['t2v', 't2v_v3', 'minimax']);
    expect(t2v.properties.duration?.enum).toEqual(Array.from({ length: 16 }, (_, i) => String(i + 5)));
    expect(specs[0]!.description).toMatch(/minutes/);
    expect(createVideoToolSpecs({ pick: ['get_video_task'] }).map((s) => s.name)).toEqual(['get_video_task']);
    expect(createVideoToolSpecs({ omit: ['long_video'] })).toHaveLength(6);
    expect(() => createVideoToolSpecs({ pick: ['make_video' as 'long_video'] })).toThrow(/Invalid pick/);
  });

  it('text_to_video waits with progress and returns the video', async () => {
    const progress: VideoToolProgress[] = [];
    const { text_to_video } = tools();
    const output = await text_to_video!.execute(
      { prompt: 'A red fox', duration: '8' },
      { onProgress: (p) => progress.push(p) },
    );
    expect(output).toMatchObject({
      status: 'COMPLETED',
      model: 't2v',
      creditsCharged: 8,
      videoUrls: [expect.stringMatching(/\.mp4$/)],
    });
    expect(JSON.parse(posts()[0]!.body)).toEqual({ prompt: 'A red fox', aspectRatio: '16:9', duration: '8' });
    expect(progress[0]).toMatchObject({ taskId: output.taskId, status: 'SUBMITTED' });
    expect(progress.at(-1)).toMatchObject({ status: 'COMPLETED' });
    expect(progress.filter((p, i) => p.status === progress[i - 1]?.status)).toEqual([]); // one per change
    expect(text_to_video!.outputSchema.parse(output)).toEqual(output);
    expect(text_to_video!.toModelText(output)).toContain(output.videoUrls[0]);
  });

  it('a duration that does not fit the model is refused before any request, naming the allowed values', async () => {
    const { text_to_video, image_to_video } = tools();
    const error = await text_to_video!.execute({ prompt: 'x', duration: '10' }).catch((e: unknown) => e);
    expect(formatToolError(error)).toContain(
      'Invalid duration: "10" is not allowed for model t2v. Allowed: "5", "8". Use t2v_v3 or minimax for 10 s videos (t2v_v3 10 credits/s, minimax 3-5 credits/s).',
    );
    const issue = text_to_video!.inputSchema.safeParse({ prompt: 'x', model: 't2v_v3', duration: '8' });
    expect(issue.error?.issues[0]).toMatchObject({
      path: ['duration'],
      message: expect.stringContaining('"8" is not allowed for model t2v_v3'),
    });
    await expect(
      image_to_video!.execute({ image: PNG_DATA_URL, model: 'i2v', duration: '15' }),
    ).rejects.toMatchObject({ field: 'duration' });
    await expect(text_to_video!.execute({ prompt: 'x', aspectRatio: '4:3' })).rejects.toMatchObject({
      field: 'aspectRatio',
    });
    expect(emu.requests).toHaveLength(0);
  });

  it('allowedModels and maxCreditsPerCall are enforced before any request', async () => {
    const limited = tools({ allowedModels: ['t2v'], maxCreditsPerCall: 5 });
    expect(Object.keys(limited)).toEqual([
      'text_to_video',
      'get_video_task',
      'cancel_video_task',
      'list_video_tasks',
      'estimate_video_credits',
    ]);
    await expect(limited.text_to_video!.execute({ prompt: 'x', model: 't2v_v3' })).rejects.toMatchObject({
      field: 'model',
    });
    const error = await limited
      .text_to_video!.execute({ prompt: 'x', duration: '8' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'budget_exceeded' });
    expect(formatToolError(error)).toMatch(/8 credits, more than the 5-credit limit per call/);
    expect(generates()).toHaveLength(0);
  });

  it('maxCreditsTotal holds under 10 parallel calls', async () => {
    const before = emu.tasks(KEY).length;
    const { text_to_video } = tools({ maxCreditsTotal: 40, wait: false });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => text_to_video!.execute({ prompt: `clip ${i}`, duration: '8' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.map((r) => r.reason.code)).toEqual(Array(5).fill('budget_exceeded'));
    expect(emu.tasks(KEY).length - before).toBe(5);
    expect(generates()).toHaveLength(5);
  });

  it('credits come back to the budget when a task fails', async () => {
    const { text_to_video } = tools({ maxCreditsTotal: 8 });
    const failed = await text_to_video!.execute({ prompt: 'storm [fail]', duration: '8' });
    expect(failed).toMatchObject({
      status: 'FAILED',
      creditsCharged: 0,
      message: expect.stringMatching(/refunded/),
    });
    const ok = await text_to_video!.execute({ prompt: 'calm', duration: '8' });
    expect(ok.status).toBe('COMPLETED');
  });

  it('after the wait timeout it returns the task id and says to check later', async () => {
    const { text_to_video, get_video_task } = tools({ wait: { timeoutMs: 30 } });
    const output = await text_to_video!.execute({ prompt: 'slow', model: 't2v_v3', duration: '20' });
    expect(output.status).toMatch(/SUBMITTED|PROGRESS/);
    expect(output.message).toContain(`get_video_task with taskId "${output.taskId}"`);
    const later = await get_video_task!.execute({ taskId: output.taskId });
    expect(later).toMatchObject({ taskId: output.taskId, model: 't2v_v3', creditsCharged: 200 });
  });

  it('get, cancel, list and estimate', async () => {
    // At speed 1 a task stays SUBMITTED for seconds, so the cancel lands in time on a loaded machine too.
    await using slow = await emulator({ speed: 1 });
    const set = tools({ wait: false, client: clientFor(slow) });
    await set.text_to_video!.execute({ prompt: 'an earlier task' });
    const { taskId } = await set.text_to_video!.execute({
      prompt: 'to cancel',
      model: 't2v_v3',
      duration: '20',
    });
    const cancelled = await set.cancel_video_task!.execute({ taskId });
    expect(cancelled).toMatchObject({ taskId, status: 'CANCEL', creditsCharged: 0 });
    const listed = await set.list_video_tasks!.execute({ limit: 2 });
    expect(listed.tasks[0]).toMatchObject({ taskId, status: 'CANCEL' });
    expect(listed.tasks).toHaveLength(2);
    expect(set.list_video_tasks!.toModelText(listed)).toContain(taskId);
    expect(await set.estimate_video_credits!.execute({ model: 'lv', promptCount: 3 })).toMatchObject({
      credits: 225,
    });
    expect(await set.estimate_video_credits!.execute({ model: 'i2v_v3', duration: '15' })).toMatchObject({
      credits: 150,
    });
    await expect(set.estimate_video_credits!.execute({ model: 't2v', duration: '15' })).rejects.toMatchObject(
      { field: 'duration' },
    );
    const missing = await set.get_video_task!.execute({ taskId: 'nope' }).catch(formatToolError);
    expect(missing).toMatch(/No task with that id/);
  });

  it('local image paths only when allowed, only inside the roots', async () => {
    const roots = [join(dir, 'media')];
    await mkdir(roots[0] as string);
    await writeFile(join(dir, 'media', 'cat.png'), PNG_BYTES);
    await writeFile(join(dir, 'secret.png'), PNG_BYTES);
    const off = tools({ wait: false });
    await expect(off.image_to_video!.execute({ image: join(dir, 'media', 'cat.png') })).rejects.toThrow(
      /local files are disabled/,
    );
    const on = tools({ wait: false, localFiles: { roots } });
    await expect(
      on.image_to_video!.execute({ image: join(dir, 'media', '..', 'secret.png') }),
    ).rejects.toThrow(/outside the folders/);
    await expect(on.long_video!.execute({ image: join(dir, 'secret.png'), prompts: ['a'] })).rejects.toThrow(
      /outside the folders/,
    );
    expect(posts()).toHaveLength(0);
    const output = await on.image_to_video!.execute({
      image: join(dir, 'media', 'cat.png'),
      prompt: 'blink',
    });
    expect(output.status).toBe('SUBMITTED');
    expect(JSON.parse(posts()[0]!.body)).toEqual({ image: PNG_DATA_URL, prompt: 'blink', duration: '5' });
  });

  it('formatToolError gives actionable text for API failures', async () => {
    const poor = await emulator({ credits: 0, apiKeys: [KEY] });
    try {
      const { text_to_video } = tools({ client: clientFor(poor) });
      const text = await text_to_video!.execute({ prompt: 'x' }).catch(formatToolError);
      expect(text).toMatch(/^Error \(insufficient_credits\): .*top up/);
    } finally {
      await poor.close();
    }
    const noKey = createVideoToolSpecs({ apiKey: '', baseUrl: emu.url }).find(
      (s) => s.name === 'list_video_tasks',
    )!;
    const previous = process.env.AIVIDEOMAKER_API_KEY;
    delete process.env.AIVIDEOMAKER_API_KEY;
    try {
      expect(await noKey.execute({}).catch(formatToolError)).toMatch(/AIVIDEOMAKER_API_KEY/);
    } finally {
      if (previous !== undefined) process.env.AIVIDEOMAKER_API_KEY = previous;
    }
    expect(formatToolError(new Error('boom'))).toBe('Error (unexpected_error): Unexpected error: boom');
  });
});
