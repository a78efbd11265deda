// The key never appears in anything printed: the client itself, errors, log lines, tool results.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AIVideoMaker } from '../src/index';
import { createVideoToolSpecs, formatToolError } from '../src/tools/index';
import { clientFor, emulator, emulatorPerFile, KEY, T2V } from './helpers';

const emu = emulatorPerFile(() => emulator(), false);

function printed(value: unknown): string {
  if (value instanceof Error)
    return `${value.stack}\n${inspect(value, { depth: 8 })}\n${JSON.stringify(value)}`;
  return `${inspect(value, { depth: 8, showHidden: true })}\n${JSON.stringify(value)}\n${String(value)}`;
}

describe('the API key stays secret', () => {
  it('in JSON.stringify and util.inspect of the client', () => {
    const client = clientFor(emu);
    expect(JSON.parse(JSON.stringify(client))).toEqual({ baseUrl: emu.url, apiKey: '[redacted]' });
    expect(inspect(client)).toBe(`AIVideoMaker { baseUrl: '${emu.url}', apiKey: '[redacted]' }`);
    for (const value of [client, client.tasks, Object.entries(client), { ...client }]) {
      expect(printed(value)).not.toContain(KEY);
    }
  });

  it('in errors, log lines and tool output, even when the server echoes it', async () => {
    const lines: string[] = [];
    const client = clientFor(emu, { logger: { debug: (line) => lines.push(line) } });
    const outputs: unknown[] = [];
    const errors: unknown[] = [];
    await client.generate('t2v', T2V, { webhookUrl: 'https://hooks.test/x?token=hook-secret' });
    await client.run('t2v', T2V).then((task) => outputs.push(task));
    errors.push(await client.tasks.get('missing').catch((e: unknown) => e));
    errors.push(
      await new AIVideoMaker({ apiKey: `${KEY}-wrong`, baseUrl: emu.url }).tasks
        .list()
        .catch((e: unknown) => e),
    );
    emu.faults.add({ kind: 'malformed-json', match: { method: 'GET' }, times: Infinity });
    errors.push(await client.tasks.list().catch((e: unknown) => e));
    emu.faults.clear();
    const echo: typeof fetch = async () =>
      new Response(JSON.stringify({ status: 'FAILED', message: `key ${KEY} is not allowed` }), {
        status: 403,
      });
    const echoed = await new AIVideoMaker({ apiKey: KEY, baseUrl: 'https://api.test', fetch: echo }).tasks
      .list()
      .catch((e: unknown) => e);
    expect((echoed as Error).message).toContain('key [redacted] is not allowed');
    errors.push(echoed);

    const specs = createVideoToolSpecs({ client });
    for (const spec of specs) {
      const input = spec.name.endsWith('_task')
        ? { taskId: 'missing' }
        : spec.name === 'long_video'
          ? { image: 'x', prompts: ['a'] }
          : { prompt: 'p', model: 'lv', image: 'https://x.test/a.png' };
      await spec.execute(input).then(
        (output) => outputs.push(output, spec.toModelText(output)),
        (error: unknown) => outputs.push(formatToolError(error)),
      );
    }
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.join('\n')).toContain('key=[redacted]');
    expect(lines.join('\n')).toContain('token=[redacted]');
    expect(lines.join('\n')).not.toContain('hook-secret');
    for (const value of [...errors, ...outputs, lines]) expect(printed(value)).not.toContain(KEY);
    expect(errors.map((e) => (e as { code: string }).code)).toEqual([
      'not_found',
      'authentication_failed',
      'malformed_response',
      'authentication_failed',
    ]);
  });
});
