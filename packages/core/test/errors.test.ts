// Every error class, produced for real by the emulator where a server can produce it.
import { closedPort } from '@aivideomaker/test-support';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AIVideoMaker,
  AIVideoMakerError,
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InputValidationError,
  InsufficientCreditsError,
  MalformedResponseError,
  MissingApiKeyError,
  NotFoundError,
  RateLimitError,
  RequestTimeoutError,
  ServerError,
  TaskCancelledError,
  TaskFailedError,
  WaitTimeoutError,
} from '../src/index';
import { clientFor, emulator, emulatorPerFile, KEY, T2V } from './helpers';

const emu = emulatorPerFile(() => emulator(), false);
afterEach(() => {
  emu.faults.clear();
  vi.unstubAllEnvs();
});

describe('errors', () => {
  it('MissingApiKeyError names AIVIDEOMAKER_API_KEY', () => {
    vi.stubEnv('AIVIDEOMAKER_API_KEY', '');
    expect(() => new AIVideoMaker()).toThrow(MissingApiKeyError);
    expect(() => new AIVideoMaker()).toThrow(/AIVIDEOMAKER_API_KEY/);
  });

  it('reads the key and base URL from the environment', async () => {
    vi.stubEnv('AIVIDEOMAKER_API_KEY', KEY);
    vi.stubEnv('AIVIDEOMAKER_BASE_URL', `${emu.url}/`);
    const client = new AIVideoMaker();
    expect(client.baseUrl).toBe(emu.url);
    await expect(client.tasks.list()).resolves.toBeInstanceOf(Array);
  });

  it('InputValidationError before any request, naming the field and the allowed values', async () => {
    const client = clientFor(emu);
    emu.clearRequests();
    const error = await client.generate('t2v', { ...T2V, duration: '10' as '5' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputValidationError);
    expect(error).toMatchObject({ code: 'invalid_input', field: 'duration', allowed: ['5', '8'] });
    expect((error as Error).message).toBe(
      'Invalid duration: "10" is not allowed for model t2v. Allowed: "5", "8". Use t2v_v3 or minimax for 10 s videos (t2v_v3 10 credits/s, minimax 3-5 credits/s).',
    );
    await expect(
      client.generate('t2v', { prompt: 'x', aspectRatio: '4:3' as '1:1', duration: '5' }),
    ).rejects.toThrow(
      'Invalid aspectRatio: "4:3" is not allowed for model t2v. Allowed: "16:9", "9:16", "1:1".',
    );
    await expect(client.generate('t2v', { aspectRatio: '1:1', duration: '5' } as never)).rejects.toThrow(
      'Invalid prompt: is required for model t2v.',
    );
    await expect(client.generate('lv', { image: 'https://x.test/a.png', prompt: [] })).rejects.toMatchObject({
      field: 'prompt',
    });
    await expect(client.generate('i2v', { image: 'not-a-url', duration: '5' })).rejects.toMatchObject({
      field: 'image',
    });
    await expect(client.generate('t2v', { ...T2V, style: 'x' } as never)).rejects.toThrow(
      /Invalid style: is not a field of model t2v/,
    );
    await expect(client.generate('t3v' as 't2v', T2V)).rejects.toMatchObject({ field: 'model' });
    await expect(client.tasks.get('')).rejects.toMatchObject({ field: 'taskId' });
    expect(emu.requests).toHaveLength(0);
  });

  it('AuthenticationError on 401', async () => {
    const client = new AIVideoMaker({ apiKey: 'wrong-key-123', baseUrl: emu.url });
    const error = await client.tasks.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({
      code: 'authentication_failed',
      status: 401,
      serverMessage: 'Invalid API key',
    });
    expect((error as Error).message).toMatch(/AIVIDEOMAKER_API_KEY/);
  });

  it('InsufficientCreditsError on 402, and nothing is charged', async () => {
    const poor = await emulator({ credits: 3, apiKeys: ['poor-key'] });
    try {
      const poorClient = clientFor(poor, { apiKey: 'poor-key' });
      const error = await poorClient.generate('t2v', T2V).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InsufficientCreditsError);
      expect(error).toMatchObject({ code: 'insufficient_credits', status: 402 });
      expect(poor.ledger.balance('poor-key')).toBe(3);
      expect(poor.tasks()).toHaveLength(0);
    } finally {
      await poor.close();
    }
  });

  it('"Insufficient credits" is recognised by message even in a 200 FAILED answer', async () => {
    const fetch200 = async () =>
      new Response('{"status":"FAILED","message":"Insufficient credits"}', { status: 200 });
    const client = new AIVideoMaker({ apiKey: KEY, baseUrl: 'https://api.test', fetch: fetch200 });
    await expect(client.generate('t2v', T2V)).rejects.toBeInstanceOf(InsufficientCreditsError);
    const other = async () =>
      new Response('{"status":"FAILED","message":"Prompt rejected"}', { status: 200 });
    const error = await new AIVideoMaker({ apiKey: KEY, baseUrl: 'https://api.test', fetch: other })
      .generate('t2v', T2V)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ code: 'api_error', serverMessage: 'Prompt rejected' });
  });

  it('BadRequestError on 400, NotFoundError on 404, ConflictError on 409', async () => {
    const client = clientFor(emu);
    emu.faults.add({ kind: 'error-before', status: 400, match: { method: 'GET' } });
    await expect(client.tasks.list()).rejects.toBeInstanceOf(BadRequestError);
    await expect(client.tasks.get('nope')).rejects.toMatchObject({ code: 'not_found', status: 404 });
    await expect(client.tasks.status('nope')).rejects.toBeInstanceOf(NotFoundError);
    const { taskId } = await client.generate('t2v', T2V);
    await client.tasks.wait(taskId);
    const error = await client.tasks.cancel(taskId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toMatch(/only a SUBMITTED task can be cancelled/);
  });

  it('RateLimitError with retryAfterMs once retries are exhausted', async () => {
    const client = clientFor(emu, { maxRetries: 0 });
    emu.faults.add({ kind: 'rate-limit', retryAfter: '7' });
    const error = await client.tasks.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, retryAfterMs: 7000 });
  });

  it('ServerError on 5xx, with an excerpt of an HTML page', async () => {
    const client = clientFor(emu, { maxRetries: 0 });
    emu.faults.add({ kind: 'error-before', status: 503 });
    await expect(client.tasks.list()).rejects.toMatchObject({ code: 'server_error', status: 503 });
    emu.faults.add({ kind: 'html-error', status: 502 });
    const error = await client.tasks.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).serverMessage).toContain('<title>502 Bad Gateway</title>');
  });

  it('MalformedResponseError quotes a short excerpt, never a raw SyntaxError', async () => {
    const client = clientFor(emu, { maxRetries: 0 });
    emu.faults.add({ kind: 'malformed-json', match: { method: 'GET' } });
    const error = await client.tasks.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error).toBeInstanceOf(AIVideoMakerError);
    expect((error as MalformedResponseError).excerpt).toMatch(/^\{"tasks":/);
    expect((error as Error).message).toContain('not the expected JSON');
  });

  it('ConnectionError when nothing listens; RequestTimeoutError when the answer is too slow', async () => {
    const port = await closedPort();
    const refused = new AIVideoMaker({ apiKey: KEY, baseUrl: `http://127.0.0.1:${port}`, maxRetries: 0 });
    const error = await refused.tasks.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: 'connection_error', mayHaveReachedServer: false });
    emu.faults.add({ kind: 'latency', delayMs: 500 });
    const slow = clientFor(emu, { timeoutMs: 50, maxRetries: 0 });
    await expect(slow.tasks.list()).rejects.toBeInstanceOf(RequestTimeoutError);
    emu.faults.clear();
    emu.faults.add({ kind: 'reset' });
    await expect(clientFor(emu, { maxRetries: 0 }).tasks.list()).rejects.toMatchObject({
      code: 'connection_error',
      mayHaveReachedServer: true,
    });
  });

  it('TaskFailedError (credits refunded), TaskCancelledError and WaitTimeoutError', async () => {
    const client = clientFor(emu);
    const failing = await client.generate('t2v', { ...T2V, prompt: 'a storm [fail]' });
    const failed = await client.tasks.wait(failing.taskId).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(TaskFailedError);
    expect(failed).toMatchObject({
      code: 'task_failed',
      creditsRefunded: true,
      task: { id: failing.taskId, status: 'FAILED' },
    });
    expect(
      emu.ledger
        .entries(KEY)
        .filter((e) => e.taskId === failing.taskId)
        .map((e) => e.kind),
    ).toEqual(['charge', 'refund']);

    const queued = await client.generate('t2v_v3', { ...T2V, duration: '20' });
    await client.tasks.cancel(queued.taskId);
    await expect(client.tasks.wait(queued.taskId)).rejects.toBeInstanceOf(TaskCancelledError);

    const slow = await client.generate('t2v_v3', { ...T2V, duration: '20' });
    const timedOut = await client.tasks.wait(slow.taskId, { timeoutMs: 80 }).catch((e: unknown) => e);
    expect(timedOut).toBeInstanceOf(WaitTimeoutError);
    expect(timedOut).toMatchObject({
      code: 'wait_timeout',
      taskId: slow.taskId,
      lastStatus: expect.stringMatching(/SUBMITTED|PROGRESS/),
    });
  });
});
