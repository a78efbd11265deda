// Two copies of core in one app (a CommonJS app's require() loads dist/index.cjs, an ESM adapter imports
// another build): errors are recognised by their brand and code, whichever copy made them. Here the
// "other copy" is the built CommonJS file and this copy is the source.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as core from '../src/index';
import { ERROR_BRAND } from '../src/internal';
import { createVideoToolSpecs, formatToolError } from '../src/tools/index';
import { emulator, emulatorPerFile } from './helpers';

const cjs = createRequire(import.meta.url)(
  join(import.meta.dirname, '..', 'dist', 'index.cjs'),
) as typeof core;
const cjsInternal = createRequire(import.meta.url)(
  join(import.meta.dirname, '..', 'dist', 'internal.cjs'),
) as {
  ERROR_BRAND: symbol;
};

const emu = emulatorPerFile(() => emulator(), false);

async function wrongKeyError(copy: typeof core): Promise<unknown> {
  const client = new copy.AIVideoMaker({ apiKey: 'not-a-key-of-this-emulator', baseUrl: emu.url });
  return client.tasks.list().then(
    () => expect.fail('a wrong key must be refused'),
    (error: unknown) => error,
  );
}

describe('errors across two copies of core', () => {
  it('the two copies really are different classes', () => {
    expect(cjs.AuthenticationError).not.toBe(core.AuthenticationError);
  });

  it('an error of the other copy is recognised by brand, code and instanceof', async () => {
    const error = await wrongKeyError(cjs);
    expect(Object.getPrototypeOf(error)).toBe(cjs.AuthenticationError.prototype);
    expect(core.isAIVideoMakerError(error)).toBe(true);
    expect(core.isAIVideoMakerError(error, 'authentication_failed')).toBe(true);
    expect(core.isAIVideoMakerError(error, 'not_found')).toBe(false);
    expect(error instanceof core.AIVideoMakerError).toBe(true);
    expect(error instanceof core.APIError).toBe(true);
    expect(error instanceof core.AuthenticationError).toBe(true);
    expect(error instanceof core.NotFoundError).toBe(false);
    expect(error instanceof core.TaskFailedError).toBe(false);
  });

  it('the brand is the same in both copies, and is neither enumerable nor in JSON', async () => {
    const error = await wrongKeyError(core);
    expect(cjsInternal.ERROR_BRAND).toBe(ERROR_BRAND);
    expect(cjs.isAIVideoMakerError(error, 'authentication_failed')).toBe(true);
    expect(error instanceof cjs.AuthenticationError).toBe(true);
    expect(Object.keys(error as object)).not.toContain(String(ERROR_BRAND));
    expect(JSON.stringify(error)).not.toContain('aivideomaker.error');
  });

  it('ordinary errors and look-alikes are not branded', () => {
    expect(core.isAIVideoMakerError(new Error('x'))).toBe(false);
    expect(core.isAIVideoMakerError({ code: 'authentication_failed', name: 'AuthenticationError' })).toBe(
      false,
    );
    expect(core.isAIVideoMakerError(null)).toBe(false);
    expect(Object.create(core.AuthenticationError.prototype) instanceof core.AuthenticationError).toBe(true);
  });

  it('tool specs of this copy, given a client of the other copy, tell the model the real code', async () => {
    const client = new cjs.AIVideoMaker({ apiKey: 'not-a-key-of-this-emulator', baseUrl: emu.url });
    const list = createVideoToolSpecs({ client: client as unknown as core.AIVideoMaker }).find(
      (spec) => spec.name === 'list_video_tasks',
    );
    const error = await list!.execute({}, {}).then(
      () => expect.fail('a wrong key must be refused'),
      (caught: unknown) => caught,
    );
    expect(formatToolError(error)).toMatch(/^Error \(authentication_failed\)/);
  });
});
