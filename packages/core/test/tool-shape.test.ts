// What every adapter hands out, defined once here: the model's error line, the app's typed tool error, the
// progress payload, and the input schema that lets core's parser word a refusal.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { BudgetExceededError, InputValidationError } from '../src/index';
import {
  deferredInputSchema,
  inputErrorLine,
  parseToolInput,
  progressChannel,
  progressSnapshot,
  taskProgress,
  toToolError,
  videoProgressEvent,
} from '../src/internal';
import {
  AIVideoMakerToolError,
  createVideoToolSpecs,
  isVideoProgressEvent,
  VIDEO_PROGRESS_EVENT,
} from '../src/tools/index';

const [textToVideo] = createVideoToolSpecs({ apiKey: 'unused' });
const schema = textToVideo!.inputSchema;

describe('the model-facing error line and the typed tool error', () => {
  it('one line per bad argument, naming the field and what is allowed', () => {
    expect(inputErrorLine(schema, { prompt: 'A fox', duration: 7 })).toBe(
      'Error (invalid_input): Invalid duration: number 7 is not allowed. Allowed: "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20". Fix the input and call the tool again.',
    );
    expect(inputErrorLine(schema, { duration: '5' })).toBe(
      'Error (invalid_input): Invalid prompt: is required. Fix the input and call the tool again.',
    );
    expect(inputErrorLine(schema, { prompt: 'A fox' })).toBeUndefined();
  });

  it('reads a null argument as left out (strict-mode models send null for what they do not use)', () => {
    expect(parseToolInput(schema, { prompt: 'A fox', duration: null, model: null })).toEqual({
      prompt: 'A fox',
    });
    expect(inputErrorLine(schema, { prompt: null })).toMatch(
      /^Error \(invalid_input\): Invalid prompt: is required/,
    );
  });

  it('AIVideoMakerToolError: the line as message and toString, the code, the core error as cause', () => {
    const cause = new BudgetExceededError(
      'This t2v video costs 8 credits, more than the 5-credit limit per call.',
      8,
      5,
    );
    const error = new AIVideoMakerToolError(cause);
    expect(error.message).toMatch(/^Error \(budget_exceeded\): This t2v video costs 8 credits/);
    expect(String(error)).toBe(error.message);
    expect(error).toMatchObject({ name: 'AIVideoMakerToolError', code: 'budget_exceeded', cause });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'AIVideoMakerToolError',
      code: 'budget_exceeded',
      message: error.message,
    });
    // Wrapping again keeps the original cause; anything else is unexpected_error.
    expect(new AIVideoMakerToolError(error).cause).toBe(cause);
    expect(new AIVideoMakerToolError(new Error('boom'))).toMatchObject({ code: 'unexpected_error' });
  });

  it('is recognised across copies of core (the CommonJS build makes its own)', () => {
    const cjs = createRequire(import.meta.url)('../dist/tools.cjs') as typeof import('../src/tools/index');
    const other = new cjs.AIVideoMakerToolError(new InputValidationError('duration', 'bad'));
    expect(other).toBeInstanceOf(AIVideoMakerToolError);
    expect(other.code).toBe('invalid_input');
    expect(new AIVideoMakerToolError(other).cause).toBeInstanceOf(InputValidationError);
  });

  it("toToolError keeps an aborted run's own reason, and wraps everything else", () => {
    const controller = new AbortController();
    const failure = new BudgetExceededError('over', 8, 5);
    expect(toToolError(failure, controller.signal)).toBeInstanceOf(AIVideoMakerToolError);
    controller.abort();
    expect(toToolError(controller.signal.reason, controller.signal)).toBe(controller.signal.reason);
    // A failure that is not the abort itself (e.g. a submit cut off mid-request) keeps its code.
    expect(toToolError(failure, controller.signal)).toMatchObject({ code: 'budget_exceeded' });
  });
});

describe('deferredInputSchema', () => {
  it("has the spec's JSON Schema, parses valid input, and passes invalid input through as is", async () => {
    const deferred = deferredInputSchema(schema)['~standard'];
    expect(deferred.vendor).toBe('aivideomaker');
    const options = { target: 'draft-07' } as const;
    expect(deferred.jsonSchema.input(options)).toEqual(schema['~standard'].jsonSchema.input(options));
    expect(await deferred.validate({ prompt: 'A fox', duration: null })).toEqual({
      value: { prompt: 'A fox' },
    });
    const bad = { prompt: 'A fox', duration: 7 };
    expect(await deferred.validate(bad)).toEqual({ value: bad });
  });
});

describe('the progress payload', () => {
  const progress = {
    taskId: 'task_1',
    status: 'PROGRESS',
    elapsedMs: 40_000,
    message: 'Task task_1 is PROGRESS (40 s elapsed).',
  };

  it('one event: type data-video-progress, data without the raw task', () => {
    const event = videoProgressEvent(
      'text_to_video',
      { ...progress, task: { id: 'task_1' } as never },
      'call_1',
    );
    expect(event).toEqual({
      type: VIDEO_PROGRESS_EVENT,
      data: { tool: 'text_to_video', toolCallId: 'call_1', ...progress },
    });
    expect(VIDEO_PROGRESS_EVENT).toBe('data-video-progress');
    expect(isVideoProgressEvent(event)).toBe(true);
    expect(isVideoProgressEvent({ type: 'tool-result' })).toBe(false);
    expect(videoProgressEvent('get_video_task', progress).data).not.toHaveProperty('toolCallId');
  });

  it("taskProgress words a status change; progressSnapshot puts it in the output's shape", () => {
    const seen = taskProgress('task_1', 'PROGRESS', Date.now() - 40_400);
    expect(seen).toMatchObject({
      taskId: 'task_1',
      status: 'PROGRESS',
      message: 'Task task_1 is PROGRESS (40 s elapsed).',
    });
    expect(progressSnapshot({ ...progress, task: { model: 't2v' } as never })).toEqual({
      taskId: 'task_1',
      status: 'PROGRESS',
      model: 't2v',
      videoUrls: [],
      message: progress.message,
    });
  });

  it('progressChannel sends in order, and a failing send never fails the call', async () => {
    const sent: string[] = [];
    const failures: unknown[] = [];
    const channel = progressChannel(
      'text_to_video',
      'call_1',
      async (event) => {
        if (event.data.status === 'PROGRESS') throw new Error('stream closed');
        await new Promise((resolve) => setTimeout(resolve, 1));
        sent.push(event.data.status);
      },
      (error) => failures.push(error),
    );
    for (const status of ['SUBMITTED', 'PROGRESS', 'COMPLETED']) channel.onProgress({ ...progress, status });
    await channel.flush();
    expect(sent).toEqual(['SUBMITTED', 'COMPLETED']);
    expect(failures).toEqual([new Error('stream closed')]);
  });
});
