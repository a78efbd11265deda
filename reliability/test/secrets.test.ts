// The sentinel key never shows: not in error messages, stacks, util.inspect or JSON of errors, clients
// and tools, log lines, tool results the three frameworks hand to a model, or CLI output, even from a
// server that quotes the key back in every answer. It travels only in the `key` header of API requests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAIVideoMakerTools as aiSdkTools } from '@aivideomaker/ai-sdk';
import { AIVideoMaker, withWebhookToken } from '@aivideomaker/core';
import { downloadVideo } from '@aivideomaker/core/node';
import { createVideoToolSpecs, formatToolError } from '@aivideomaker/core/tools';
import { createAIVideoMakerTools as langChainTools } from '@aivideomaker/langchain';
import { createAIVideoMakerTools as mastraTools } from '@aivideomaker/mastra';
import { describe, expect, it, type TestContext } from 'vitest';
import { FRAMEWORKS, RUNNERS } from './support/agents';
import { cli } from './support/cli';
import { KEY } from './support/constants';
import { count } from './support/figures';
import { clientFor, emulator, uniquePrompt } from './support/harness';
import { IMAGE_URL, inputFor } from './support/inputs';
import { leakyServer } from './support/leaky-server';
import { screen } from './support/screen';
import { webhookServer } from './support/webhook-server';

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => new Error('resolved'),
    (error: unknown) => error,
  );

/** Screens every value (an error, an output, a CLI run...): each one is a case. */
function expectClean(ctx: TestContext, values: Record<string, unknown>): void {
  const screening = screen(values);
  const cases = Object.keys(values).length;
  count(ctx, 'Secrets', { cases, secretChecks: screening.checks, secretHits: screening.hits.length });
  expect(screening.hits).toEqual([]);
  expect(screening.checks).toBeGreaterThan(0);
}

describe('the sentinel key stays secret', () => {
  it('in errors, stacks, inspected clients and log lines, whatever the server echoes', async (ctx) => {
    await using leaky = await leakyServer();
    const lines: string[] = [];
    const logger = { debug: (line: string) => lines.push(line), warn: (line: string) => lines.push(line) };
    const client = clientFor(leaky.url, { logger, maxRetries: 1 });
    const input = inputFor('t2v', uniquePrompt('secret'));
    const errors = {
      generate: await caught(
        client.generate('t2v', input, { webhookUrl: 'https://hooks.test/h?token=t0k3n' }),
      ),
      list: await caught(client.tasks.list()),
      get: await caught(client.tasks.get('ck1')),
      status: await caught(client.tasks.status('ck1')),
      cancel: await caught(client.tasks.cancel('ck1')),
      wait: await caught(client.tasks.wait('ck1', { timeoutMs: 300 })),
      run: await caught(client.run('i2v', inputFor('i2v', 'x'))),
      missingKey: await caught(
        Promise.resolve().then(() => new AIVideoMaker({ apiKey: ' ', baseUrl: leaky.url })),
      ),
    };
    expect(Object.values(errors).map((error) => (error as { code?: string }).code)).toEqual([
      'insufficient_credits',
      'authentication_failed',
      'server_error',
      'malformed_response',
      'conflict',
      'wait_timeout',
      'insufficient_credits',
      undefined, // the environment's sentinel key fills in a blank one: it does not throw
    ]);
    expect(lines.join('\n')).toContain('key=[redacted]');
    expect(lines.join('\n')).toContain('token=[redacted]');
    const fromEnv = new AIVideoMaker({ baseUrl: leaky.url });
    expectClean(ctx, {
      ...errors,
      client,
      tasks: client.tasks,
      fromEnv,
      logLines: lines.join('\n'),
      json: JSON.stringify(client),
    });
  });

  it('a key with CR, LF or NUL is refused at construction; causes with the key are masked', async (ctx) => {
    const refused: Record<string, unknown> = {};
    for (const [name, bad] of [
      ['crlf', `${KEY}\r\nx-injected: 1`],
      ['lf', `${KEY}\n`],
      ['nul', `${KEY}\u0000`],
      ['non-latin1', `${KEY}\u20ac`],
    ] as const) {
      try {
        new AIVideoMaker({ apiKey: bad, baseUrl: 'http://127.0.0.1:4010' });
        refused[name] = new Error('accepted');
      } catch (error) {
        refused[name] = error;
        expect(error, name).toMatchObject({ code: 'invalid_input', field: 'apiKey' });
      }
    }
    // A fetch failing with the key in a nested cause (no server can make fetch do that).
    const leaky: typeof fetch = async () => {
      throw new TypeError(`failed for ${KEY}`, { cause: new Error(`socket ${KEY}`, { cause: KEY }) });
    };
    const client = new AIVideoMaker({
      apiKey: KEY,
      baseUrl: 'http://127.0.0.1:4010',
      fetch: leaky,
      maxRetries: 0,
    });
    expectClean(ctx, { ...refused, cause: await caught(client.tasks.list()) });
  });

  it("in tool results and errors, through core's specs and the three agent loops", async (ctx) => {
    await using leaky = await leakyServer();
    const client = clientFor(leaky.url, { maxRetries: 0 });
    const specs = createVideoToolSpecs({ client });
    const inputs: Record<string, unknown> = {
      text_to_video: { prompt: 'A fox' },
      image_to_video: { image: IMAGE_URL },
      long_video: { image: IMAGE_URL, prompts: ['Dawn'] },
      get_video_task: { taskId: 'ck1' },
      cancel_video_task: { taskId: 'ck1' },
      list_video_tasks: {},
      estimate_video_credits: { model: 'lv', promptCount: 2 },
    };
    const outputs: Record<string, unknown> = {};
    for (const spec of specs) {
      await spec.execute(inputs[spec.name]).then(
        (output) => {
          outputs[spec.name] = [output, spec.toModelText(output)];
        },
        (error: unknown) => {
          outputs[spec.name] = [error, formatToolError(error)];
        },
      );
    }
    for (const framework of FRAMEWORKS) {
      const calls = ['get_video_task', 'list_video_tasks', 'text_to_video'].map((toolName) => ({
        toolName,
        input: inputs[toolName] as Record<string, unknown>,
      }));
      const { texts } = await RUNNERS[framework]({ client }, calls);
      expect(texts).toHaveLength(3);
      outputs[framework] = texts;
    }
    const keyed = { apiKey: KEY, baseUrl: leaky.url };
    const toolSets = {
      specs: createVideoToolSpecs(keyed),
      aiSdk: aiSdkTools(keyed),
      langChain: langChainTools(keyed),
      mastra: mastraTools(keyed),
    };
    expectClean(ctx, { ...outputs, ...toolSets });
  });

  it('in everything the CLI prints, human or --json', async (ctx) => {
    await using leaky = await leakyServer();
    await using emu = await emulator();
    const out = await mkdtemp(join(tmpdir(), 'reliability-cli-'));
    try {
      // Side by side: the CLI's own client retries with real (uncompressed) backoff.
      const commands: Record<string, Parameters<typeof cli>> = {
        generate: [
          ['generate', 't2v', '--prompt', 'A fox', '--aspect-ratio', '16:9', '--duration', '5'],
          leaky.url,
        ],
        generateJson: [
          ['generate', 'lv', '--image', IMAGE_URL, '--prompt', 'Dawn', '--yes', '--json'],
          leaky.url,
        ],
        list: [['list'], leaky.url],
        get: [['get', 'ck1', '--json'], leaky.url],
        status: [['status', 'ck1'], leaky.url],
        cancel: [['cancel', 'ck1', '--json'], leaky.url],
        wait: [['wait', 'ck1', '--timeout', '1'], leaky.url],
        revoked: [['list', '--json'], emu, { key: `${KEY}-revoked` }],
        done: [
          [
            'generate',
            't2v',
            '--prompt',
            uniquePrompt('cli'),
            '--aspect-ratio',
            '1:1',
            '--duration',
            '5',
            '--out',
            out,
          ],
          emu,
        ],
      };
      const runs = Object.fromEntries(
        await Promise.all(
          Object.entries(commands).map(async ([name, args]) => [name, await cli(...args)] as const),
        ),
      );
      expect(runs.done?.code).toBe(0);
      expect(runs.done?.stdout).toContain('MEDIA: ');
      expect(Object.values(runs).filter((run) => run.code !== 0)).toHaveLength(8);
      expectClean(ctx, runs);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('travels only in the key header of API requests: not to videos, webhooks, paths or bodies', async (ctx) => {
    await using emu = await emulator();
    const client = clientFor(emu);
    await using receiver = await webhookServer(client, 'hook-token');
    const { taskId } = await client.generate('t2v', inputFor('t2v', uniquePrompt('travel')), {
      webhookUrl: withWebhookToken(receiver.url, 'hook-token'),
    });
    const task = await client.tasks.wait(taskId, { timeoutMs: 10_000 });
    const folder = await mkdtemp(join(tmpdir(), 'reliability-dl-'));
    try {
      await downloadVideo(task, folder);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
    await expect.poll(() => receiver.received.map((received) => received.status)).toContain('COMPLETED');
    const api = emu.requests.filter((request) => request.path.startsWith('/api/'));
    const files = emu.requests.filter((request) => request.path.startsWith('/files/'));
    expect(api.length).toBeGreaterThan(1);
    expect(files).toHaveLength(1);
    expect(api.every((request) => request.headers.key === KEY)).toBe(true);
    expect(files.every((request) => request.headers.key === undefined)).toBe(true);
    const elsewhere = emu.requests.map((request) => [
      request.path,
      JSON.stringify(request.query),
      request.body,
    ]);
    expectClean(ctx, { elsewhere, webhooks: emu.webhooks, received: receiver.received });
  });
});
