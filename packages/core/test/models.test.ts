// Schemas, credit rules, lenient response parsing and the web-standard main entry.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AIVideoMaker,
  estimateCredits,
  InputValidationError,
  MODEL_INPUT_SCHEMAS,
  MODEL_NAMES,
} from '../src/index';
import { MODEL_DURATIONS, toWireInput } from '../src/internal';
import { KEY, T2V } from './helpers';

describe('models', () => {
  it('has the five documented models and minimax, durations and JSON-schema friendly input schemas', () => {
    expect(MODEL_NAMES).toEqual(['t2v', 'i2v', 'lv', 't2v_v3', 'i2v_v3', 'minimax']);
    expect(MODEL_DURATIONS).toEqual({
      t2v: ['5', '8'],
      i2v: ['5', '8'],
      t2v_v3: ['5', '10', '15', '20'],
      i2v_v3: ['5', '10', '15', '20'],
    });
    for (const model of MODEL_NAMES)
      expect(z.toJSONSchema(MODEL_INPUT_SCHEMAS[model])).toMatchObject({ type: 'object' });
    expect(Object.keys(MODEL_INPUT_SCHEMAS.t2v.shape)).toEqual(['prompt', 'aspectRatio', 'duration']);
    expect(Object.keys(MODEL_INPUT_SCHEMAS.lv.shape)).toEqual(['image', 'prompt']);
  });

  it('builds the wire body: numeric durations become strings, undefined fields are dropped', () => {
    expect(toWireInput('t2v_v3', { prompt: 'x', aspectRatio: '9:16', duration: 15 })).toEqual({
      prompt: 'x',
      aspectRatio: '9:16',
      duration: '15',
    });
    expect(toWireInput('i2v', { image: 'https://a.test/i.png', prompt: undefined, duration: 8 })).toEqual({
      image: 'https://a.test/i.png',
      duration: '8',
    });
    expect(() =>
      toWireInput('lv', { image: 'https://a.test/i.png', prompt: ['1', '2', '3', '4', '5', '6', '7'] }),
    ).toThrow(InputValidationError);
    expect(() => toWireInput('t2v', { ...T2V, prompt: '   ' })).toThrow(
      'Invalid prompt: "   " must be a non-empty string (visible text, not only spaces).',
    );
    expect(() => toWireInput('t2v_v3', { ...T2V, duration: '8' })).toThrow(
      'Use t2v or minimax for 8 s videos (t2v 1 credit/s, minimax 3-5 credits/s).',
    );
  });
});

describe('estimateCredits', () => {
  it('applies the document formulas exactly', () => {
    expect(estimateCredits('t2v', { duration: '5' })).toBe(5);
    expect(estimateCredits('t2v', { duration: 8 })).toBe(8);
    expect(estimateCredits('i2v', { duration: '8' })).toBe(8);
    // the same input that generate takes can be estimated first
    expect(estimateCredits('i2v', { image: 'https://example.com/a.png', prompt: null, duration: '5' })).toBe(
      5,
    );
    expect(estimateCredits('t2v_v3', { duration: '20' })).toBe(200);
    expect(estimateCredits('i2v_v3', { duration: '10' })).toBe(100);
    expect(estimateCredits('lv', { prompt: ['a'] })).toBe(75);
    expect(estimateCredits('lv', { prompt: ['a', 'b', 'c', 'd', 'e', 'f'] })).toBe(450);
  });

  it('refuses what the model does not offer', () => {
    // @ts-expect-error t2v offers 5 or 8 s (the type test: typecheck fails when this line compiles)
    expect(() => estimateCredits('t2v', { duration: '10' })).toThrow(
      'Invalid duration: "10" is not allowed for model t2v. Allowed: "5", "8". Use t2v_v3 or minimax for 10 s videos (t2v_v3 10 credits/s, minimax 3-5 credits/s).',
    );
    expect(() => estimateCredits('lv', { prompt: [] })).toThrow(InputValidationError);
    expect(() => estimateCredits('x2v' as 't2v', { duration: '5' })).toThrow(/Invalid model/);
  });
});

describe('lenient responses', () => {
  it('keeps unknown fields and unknown status values', async () => {
    const task = {
      id: 'abc',
      status: 'QUEUED_SOMEWHERE',
      model: 't2v',
      priority: 3,
      createdAt: 5,
      input: { prompt: 'x' },
    };
    const fetchTask: typeof fetch = async (url) =>
      new Response(
        JSON.stringify(String(url).endsWith('/tasks') ? { tasks: [task, { nope: true }], next: null } : task),
      );
    const client = new AIVideoMaker({ apiKey: KEY, baseUrl: 'https://api.test', fetch: fetchTask });
    expect(await client.tasks.get('abc')).toMatchObject({
      id: 'abc',
      status: 'QUEUED_SOMEWHERE',
      priority: 3,
      createdAt: undefined,
    });
    expect(await client.tasks.list()).toHaveLength(1);
    const broken: typeof fetch = async () => new Response('{"taskId": 42}');
    await expect(
      new AIVideoMaker({ apiKey: KEY, baseUrl: 'https://api.test', fetch: broken }).tasks.status('abc'),
    ).rejects.toMatchObject({
      code: 'malformed_response',
    });
  });
});

describe('package entries', () => {
  // Follows the static imports of a built file through its chunks.
  function staticImports(file: string, seen = new Set<string>()): string[] {
    if (seen.has(file)) return [];
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    const specifiers = [...source.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1] as string);
    return specifiers.flatMap((spec) =>
      spec.startsWith('./') ? staticImports(join(file, '..', spec), seen) : [spec],
    );
  }

  it('the main and tools entries use only web-standard APIs (nothing from node:)', () => {
    const dist = join(import.meta.dirname, '..', 'dist');
    const imported = (entry: string) => [...new Set(staticImports(join(dist, entry)))];
    expect(imported('index.mjs')).toEqual(['zod']);
    expect(imported('tools.mjs')).toEqual(['zod']);
    expect(imported('node.mjs')).toEqual(expect.arrayContaining(['node:fs/promises', 'node:stream']));
  });
});
