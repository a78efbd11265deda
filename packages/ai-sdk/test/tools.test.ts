// The tool set itself: core's specs mapped 1:1 (names, descriptions, schemas, paid flag), the
// options core defines, the approval option checked up front, and types an app can build a UI on.
import { InputValidationError, type ModelName } from '@aivideomaker/core';
import { videoTaskOutput } from '@aivideomaker/core/internal';
import { createVideoToolSpecs, type ToolDuration } from '@aivideomaker/core/tools';
import { asSchema, type FlexibleSchema, type InferUITools, type ToolSet, tool } from 'ai';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  type AIVideoMakerTools,
  type AIVideoMakerToolsOptions,
  createAIVideoMakerTools,
  TOOL_NAMES,
  type VideoTaskOutput,
} from '../src/index';

/** The JSON Schema the AI SDK sends the model for a tool's input schema. */
const jsonSchemaOf = (schema: unknown) => asSchema(schema as FlexibleSchema).jsonSchema;

const options: AIVideoMakerToolsOptions = { apiKey: undefined, baseUrl: 'https://api.test' };

describe('createAIVideoMakerTools', () => {
  it("maps every core spec 1:1, keyed by core's tool names, without needing a key", async () => {
    const tools = createAIVideoMakerTools(options);
    const specs = createVideoToolSpecs(options);
    expect(Object.keys(tools)).toEqual([...TOOL_NAMES]);
    for (const spec of specs) {
      const mapped = tools[spec.name];
      expect(mapped?.description).toBe(spec.description);
      expect(mapped?.metadata).toEqual({ paid: spec.paid });
      // What the model is shown: exactly the JSON Schema of the spec's zod schema.
      expect(await jsonSchemaOf(mapped?.inputSchema)).toEqual(await jsonSchemaOf(spec.inputSchema));
      expect(mapped?.outputSchema).toBe(spec.outputSchema);
    }
    expect(tools.text_to_video?.outputSchema).toBe(videoTaskOutput);
  });

  it('passes the core tool-set options through: pick, omit, allowedModels', async () => {
    expect(Object.keys(createAIVideoMakerTools({ ...options, pick: ['get_video_task'] }))).toEqual([
      'get_video_task',
    ]);
    expect(Object.keys(createAIVideoMakerTools({ ...options, omit: ['long_video'] }))).not.toContain(
      'long_video',
    );
    const t2vOnly = createAIVideoMakerTools({ ...options, allowedModels: ['t2v'] });
    expect(Object.keys(t2vOnly)).not.toContain('image_to_video');
    const schema = await jsonSchemaOf(t2vOnly.text_to_video?.inputSchema);
    expect(schema.properties?.model).toMatchObject({ enum: ['t2v'] });
    expect(() => createAIVideoMakerTools({ pick: ['make_video' as 'long_video'] })).toThrow(/pick/);
  });

  it('checks needsApproval before building anything, naming the field and what is allowed', () => {
    const bad = (needsApproval: unknown) => () =>
      createAIVideoMakerTools({ ...options, needsApproval: needsApproval as 'paid' });
    expect(bad(['text_to_video', 'make_video'])).toThrow(InputValidationError);
    expect(bad(['make_video'])).toThrow(/needsApproval.*"make_video" is not a tool name.*text_to_video/);
    expect(bad('always')).toThrow(/needsApproval.*"always" is not allowed.*"paid"/);
    const marked = createAIVideoMakerTools({ ...options, needsApproval: ['cancel_video_task'] });
    expect(
      Object.entries(marked)
        .filter(([, t]) => t?.needsApproval !== undefined)
        .map(([n]) => n),
    ).toEqual(['cancel_video_task']);
    // true means what it means in every adapter (core's approvalPolicy): the tools that spend credits.
    const paid = createAIVideoMakerTools({ ...options, needsApproval: true });
    expect(
      Object.entries(paid)
        .filter(([, t]) => t?.needsApproval !== undefined)
        .map(([n]) => n),
    ).toEqual(['text_to_video', 'image_to_video', 'long_video']);
    const none = createAIVideoMakerTools(options);
    expect(Object.values(none).some((t) => t?.needsApproval !== undefined)).toBe(false);
  });

  it('a free tool runs outside a loop too, and the model gets the compact text', async () => {
    const estimate = createAIVideoMakerTools(options).estimate_video_credits!;
    const input = { model: 't2v_v3', duration: '10' } as const;
    const outputs = [];
    const call = { toolCallId: 'c1', messages: [], context: undefined };
    for await (const output of estimate.execute!(input, call) as AsyncIterable<unknown>) outputs.push(output);
    expect(outputs).toEqual([expect.objectContaining({ model: 't2v_v3', credits: 100 })]);
    const modelOutput = await estimate.toModelOutput?.({
      toolCallId: 'c1',
      input,
      output: outputs[0] as never,
    });
    expect(modelOutput).toEqual({ type: 'text', value: expect.stringMatching(/^t2v_v3: 100 credits/) });
  });

  it('is typed per tool, fits a ToolSet and types UI parts', () => {
    const tools = createAIVideoMakerTools(options);
    expectTypeOf(tools).toExtend<ToolSet>();
    expectTypeOf({
      ...tools,
      other: tool({ inputSchema: z.object({}), execute: () => 1 }),
    }).toExtend<ToolSet>();
    type UITools = InferUITools<AIVideoMakerTools>;
    expectTypeOf<UITools['text_to_video']['output']>().toEqualTypeOf<VideoTaskOutput>();
    expectTypeOf<UITools['text_to_video']['input']['duration']>().toEqualTypeOf<ToolDuration | undefined>();
    expectTypeOf<UITools['text_to_video']['input']['model']>().toEqualTypeOf<ModelName | undefined>();
    expectTypeOf<UITools['list_video_tasks']['output']['tasks']>().toBeArray();
  });
});
