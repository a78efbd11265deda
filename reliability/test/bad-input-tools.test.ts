// Bad tool input, as a model would send it: wrong JSON types, missing fields, durations the model does
// not offer, 0 or 7 lv prompts, non-image data URLs, oversized images, local paths with local files off,
// huge and garbled prompts, path-like task ids. Through core's tool specs directly, and through each
// framework's real agent loop: refused before any request, and the text the model reads names the field.
import { createVideoToolSpecs, type ToolName } from '@aivideomaker/core/tools';
import { describe, expect, it } from 'vitest';
import { FRAMEWORKS, RUNNERS, type ToolCall } from './support/agents';
import { clientFor, emulator } from './support/harness';
import { IMAGE_URL } from './support/inputs';
import { expectRejections, refusedWith } from './support/rejections';

const LONG = 'a'.repeat(100_000);
const OVERSIZED = `data:image/jpeg;base64,/9j/${'A'.repeat(14_000_000)}`;

const TOOL_CASES: [tool: ToolName, input: unknown, field: string][] = [
  ['text_to_video', {}, 'prompt'],
  ['text_to_video', null, 'prompt'],
  ['text_to_video', { prompt: 123 }, 'prompt'],
  ['text_to_video', { prompt: '' }, 'prompt'],
  ['text_to_video', { prompt: ['a fox'] }, 'prompt'],
  ['text_to_video', { prompt: LONG }, 'prompt'],
  ['text_to_video', { prompt: 'fox\u0000' }, 'prompt'],
  ['text_to_video', { prompt: '\udc00 fox' }, 'prompt'],
  ['text_to_video', { prompt: 'A fox', duration: '10' }, 'duration'],
  ['text_to_video', { prompt: 'A fox', duration: 5 }, 'duration'],
  ['text_to_video', { prompt: 'A fox', model: 't2v_v3', duration: '8' }, 'duration'],
  ['text_to_video', { prompt: 'A fox', model: 'lv' }, 'model'],
  ['text_to_video', { prompt: 'A fox', aspectRatio: '4:3' }, 'aspectRatio'],
  ['image_to_video', { prompt: 'moves' }, 'image'],
  ['image_to_video', { image: './cat.png' }, 'image'],
  ['image_to_video', { image: '/etc/passwd' }, 'image'],
  ['image_to_video', { image: 'data:application/pdf;base64,JVBERi0xLjQ=' }, 'image'],
  ['image_to_video', { image: `data:image/gif;base64,${btoa('plain text')}` }, 'image'],
  ['image_to_video', { image: OVERSIZED }, 'image'],
  ['image_to_video', { image: IMAGE_URL, duration: '20' }, 'duration'],
  ['image_to_video', { image: IMAGE_URL, prompt: 7 }, 'prompt'],
  ['long_video', { image: IMAGE_URL, prompts: [] }, 'prompts'],
  ['long_video', { image: IMAGE_URL, prompts: ['1', '2', '3', '4', '5', '6', '7'] }, 'prompts'],
  ['long_video', { image: IMAGE_URL, prompts: 'Dawn' }, 'prompts'],
  ['long_video', { image: IMAGE_URL, prompts: ['Dawn', ''] }, 'prompts.1'],
  ['long_video', { image: IMAGE_URL, prompts: ['Dawn', LONG] }, 'prompts.1'],
  ['long_video', { prompts: ['Dawn'] }, 'image'],
  ['get_video_task', {}, 'taskId'],
  ['get_video_task', { taskId: '../../generate/t2v' }, 'taskId'],
  ['get_video_task', { taskId: '' }, 'taskId'],
  ['cancel_video_task', { taskId: 42 }, 'taskId'],
  ['cancel_video_task', { taskId: '..' }, 'taskId'],
  ['list_video_tasks', { limit: 0 }, 'limit'],
  ['list_video_tasks', { limit: '10' }, 'limit'],
  ['list_video_tasks', { status: 'DONE' }, 'status'],
  ['estimate_video_credits', { model: 'sora' }, 'model'],
  ['estimate_video_credits', { model: 't2v', duration: '20' }, 'duration'],
];

describe('bad tool input', () => {
  it("is refused by core's tool specs before any request, naming the field", async (ctx) => {
    await using emu = await emulator();
    const specs = createVideoToolSpecs({ client: clientFor(emu) });
    const spec = (name: ToolName) => specs.find((candidate) => candidate.name === name)!;
    await expectRejections(
      ctx,
      emu,
      TOOL_CASES.map(([tool, input, field]) => ({
        name: `${tool} ${JSON.stringify(input)?.slice(0, 60)}`,
        field: `Invalid ${field}:`,
        refusal: () => refusedWith(() => spec(tool).execute(input)),
      })),
    );
  });

  // The detail is what the model could not have read in an echo of its own input.
  const AGENT_CALLS: [ToolCall, field: string, detail: string][] = [
    [{ toolName: 'text_to_video', input: { prompt: 'A fox', duration: '10' } }, 'duration', 'Allowed:'],
    [{ toolName: 'long_video', input: { image: IMAGE_URL, prompts: [] } }, 'prompts', '>=1'],
    [{ toolName: 'text_to_video', input: { prompt: 'fox\u0000 in snow' } }, 'prompt', 'control characters'],
    [{ toolName: 'get_video_task', input: { taskId: '../tasks' } }, 'taskId', 'is not a task id'],
  ];

  it.for(FRAMEWORKS)(
    'is refused inside the %s agent loop, and the model reads which field',
    async (framework, ctx) => {
      await using emu = await emulator();
      const cases = AGENT_CALLS.map(([call, field, detail]) => ({
        name: `${framework} ${call.toolName} ${JSON.stringify(call.input)}`,
        field,
        detail,
        refusal: async () => {
          const { texts } = await RUNNERS[framework]({ client: clientFor(emu) }, [call]);
          expect(texts).toHaveLength(1);
          return texts[0] ?? '';
        },
      }));
      await expectRejections(ctx, emu, cases);
    },
  );
});
