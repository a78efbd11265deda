// Every validation rule of every model, as the API document states them.
import { describe, expect, it } from 'vitest';
import { call, IMAGE, t2v, useEmulator } from './helpers';

const start = useEmulator();
const DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==';

const valid: Record<string, Record<string, unknown>[]> = {
  t2v: [t2v(), t2v({ aspectRatio: '9:16', duration: '8' }), t2v({ aspectRatio: '1:1' })],
  i2v: [
    { image: IMAGE, duration: '5' },
    { image: DATA_URL, prompt: 'wave', duration: '8' },
    { image: 'http://example.com/a.jpg', prompt: null, duration: '5' },
  ],
  lv: [
    { image: IMAGE, prompt: ['one'] },
    { image: DATA_URL, prompt: ['1', '2', '3', '4', '5', '6'] },
  ],
  t2v_v3: ['5', '10', '15', '20'].map((duration) => t2v({ duration })),
  i2v_v3: [
    { image: IMAGE, duration: '20' },
    { image: IMAGE, prompt: 'zoom', duration: '10' },
  ],
};

const invalid: [model: string, body: unknown, message: string | RegExp][] = [
  ['t2v', [], 'Request body must be a JSON object with the fields of model t2v'],
  ['t2v', null, 'Request body must be a JSON object with the fields of model t2v'],
  ['t2v', { aspectRatio: '16:9', duration: '5' }, 'prompt is required for model t2v: a non-empty string'],
  ['t2v', t2v({ prompt: '  ' }), 'prompt must be a non-empty string (got "  ")'],
  ['t2v', t2v({ prompt: 42 }), 'prompt must be a non-empty string (got number 42)'],
  [
    't2v',
    t2v({ aspectRatio: undefined }),
    'aspectRatio is required for model t2v: a string, one of "16:9", "9:16", "1:1"',
  ],
  [
    't2v',
    t2v({ aspectRatio: '4:3' }),
    'aspectRatio must be a string, one of "16:9", "9:16", "1:1" (got "4:3")',
  ],
  ['t2v', t2v({ duration: undefined }), 'duration is required for model t2v: a string, one of "5", "8"'],
  ['t2v', t2v({ duration: 5 }), 'duration must be a string, one of "5", "8" (got number 5)'],
  ['t2v', t2v({ duration: '10' }), 'duration must be a string, one of "5", "8" (got "10")'],
  [
    't2v',
    t2v({ image: IMAGE }),
    'Unknown field "image" for model t2v; allowed fields: prompt, aspectRatio, duration',
  ],
  [
    'i2v',
    { duration: '5' },
    /^image is required for model i2v: a public http\(s\) image URL or a data:image/,
  ],
  [
    'i2v',
    { image: 'ftp://example.com/a.png', duration: '5' },
    /^image must be a public http\(s\) image URL.*\(got "ftp:/,
  ],
  ['i2v', { image: 'cat.png', duration: '5' }, /^image must be/],
  ['i2v', { image: 'data:text/plain;base64,aGk=', duration: '5' }, /^image must be/],
  ['i2v', { image: 'data:image/png;base64,', duration: '5' }, /^image must be/],
  ['i2v', { image: IMAGE, prompt: 7, duration: '5' }, 'prompt must be a string or null (got number 7)'],
  ['i2v', { image: IMAGE, prompt: ['a'], duration: '5' }, 'prompt must be a string or null (got an array)'],
  ['i2v', { image: IMAGE, duration: '10' }, 'duration must be a string, one of "5", "8" (got "10")'],
  ['i2v', { image: IMAGE }, 'duration is required for model i2v: a string, one of "5", "8"'],
  [
    'i2v',
    { image: IMAGE, duration: '5', aspectRatio: '16:9' },
    'Unknown field "aspectRatio" for model i2v; allowed fields: image, prompt, duration',
  ],
  ['lv', { prompt: ['a'] }, /^image is required for model lv/],
  ['lv', { image: IMAGE }, 'prompt is required for model lv: an array of 1 to 6 non-empty strings'],
  ['lv', { image: IMAGE, prompt: 'one' }, 'prompt must be an array of 1 to 6 non-empty strings (got "one")'],
  ['lv', { image: IMAGE, prompt: [] }, 'prompt must be an array of 1 to 6 non-empty strings (got 0 items)'],
  [
    'lv',
    { image: IMAGE, prompt: ['1', '2', '3', '4', '5', '6', '7'] },
    'prompt must be an array of 1 to 6 non-empty strings (got 7 items)',
  ],
  ['lv', { image: IMAGE, prompt: ['ok', ''] }, 'prompt[1] must be a non-empty string (got "")'],
  ['lv', { image: IMAGE, prompt: ['ok', 3] }, 'prompt[1] must be a non-empty string (got number 3)'],
  [
    'lv',
    { image: IMAGE, prompt: ['a'], duration: '5' },
    'Unknown field "duration" for model lv; allowed fields: image, prompt',
  ],
  ['t2v_v3', t2v({ duration: '8' }), 'duration must be a string, one of "5", "10", "15", "20" (got "8")'],
  [
    't2v_v3',
    t2v({ duration: 10 }),
    'duration must be a string, one of "5", "10", "15", "20" (got number 10)',
  ],
  ['t2v_v3', t2v({ aspectRatio: '21:9' }), /^aspectRatio must be a string, one of "16:9", "9:16", "1:1"/],
  [
    't2v_v3',
    { aspectRatio: '1:1', duration: '5' },
    'prompt is required for model t2v_v3: a non-empty string',
  ],
  [
    'i2v_v3',
    { image: IMAGE, duration: '8' },
    'duration must be a string, one of "5", "10", "15", "20" (got "8")',
  ],
  ['i2v_v3', { image: 42, duration: '5' }, /^image must be .*\(got number 42\)$/],
  [
    'i2v_v3',
    { image: IMAGE, duration: '5', seed: 1 },
    'Unknown field "seed" for model i2v_v3; allowed fields: image, prompt, duration',
  ],
];

describe('input validation', () => {
  it.each(Object.entries(valid))('accepts every documented form of %s', async (model, bodies) => {
    const emu = await start();
    for (const body of bodies) {
      const result = await call(emu, `/api/v1/generate/${model}`, { method: 'POST', body });
      expect(result.status, JSON.stringify(body)).toBe(200);
    }
    expect(emu.tasks().map((task) => task.input)).toEqual([...bodies].reverse());
  });

  it.each(invalid)('%s rejects %j', async (model, body, message) => {
    const emu = await start();
    const result = await call(emu, `/api/v1/generate/${model}`, { method: 'POST', body });
    expect(result.status).toBe(400);
    expect(result.json.status).toBe('FAILED');
    if (typeof message === 'string') expect(result.json.message).toBe(message);
    else expect(result.json.message).toMatch(message);
    expect(emu.tasks()).toHaveLength(0);
    expect(emu.ledger.entries()).toHaveLength(0);
  });
});
