// Redirects: the API never redirects, so a 3xx comes from a wrong baseUrl or someone else's server. Every
// call answered 301/302/303/307/308 towards another origin must fail with a RedirectError at once: the key
// never reaches the other origin, the paid POST is neither resent nor turned into a GET, nothing is
// reconciled from a foreign answer, and the CLI exits 7 saying what happened.
import { AIVideoMaker, RedirectError } from '@aivideomaker/core';
import { describe, expect, it } from 'vitest';
import { cli } from './support/cli';
import { KEY } from './support/constants';
import { count } from './support/figures';
import { t2vInput, uniquePrompt } from './support/harness';
import { loopbackServer } from './support/loopback-server';

const STATUSES = [301, 302, 303, 307, 308] as const;

const CALLS: [string, (client: AIVideoMaker) => Promise<unknown>][] = [
  ['generate', (client) => client.generate('t2v', t2vInput(uniquePrompt('redirect')))],
  ['run', (client) => client.run('t2v', t2vInput(uniquePrompt('redirect run')))],
  ['list', (client) => client.tasks.list()],
  ['get', (client) => client.tasks.get('ckredirect1')],
  ['status', (client) => client.tasks.status('ckredirect1')],
  ['cancel', (client) => client.tasks.cancel('ckredirect1')],
  ['wait', (client) => client.tasks.wait('ckredirect1', { timeoutMs: 5_000 })],
];

describe('redirects are reported, never followed', () => {
  it('no call follows a redirect to another origin, and no paid call is resent', async (ctx) => {
    // The other origin answers like the API would, so following it would "work" and hide the leak.
    await using elsewhere = await loopbackServer((seen) => ({
      status: 200,
      body: JSON.stringify(
        seen.method === 'POST'
          ? { taskId: 'foreign', status: 'SUBMITTED' }
          : { id: 'ckredirect1', status: 'COMPLETED', tasks: [], output: { video: 'https://x.test/v.mp4' } },
      ),
    }));
    let cases = 0;
    let duplicates = 0;
    for (const status of STATUSES) {
      await using redirector = await loopbackServer((seen) => ({
        status,
        headers: { location: `${elsewhere.url}${seen.url}` },
      }));
      for (const [name, call] of CALLS) {
        const client = new AIVideoMaker({ apiKey: KEY, baseUrl: redirector.url, maxRetries: 2 });
        const before = redirector.seen.length;
        const error = await call(client).catch((caught: unknown) => caught);
        cases += 1;
        expect(error, `${name} ${status}`).toBeInstanceOf(RedirectError);
        expect(error).toMatchObject({ code: 'redirected', status });
        expect((error as Error).message).not.toContain(KEY);
        const sent = redirector.seen.slice(before);
        // One request, never repeated: a redirect is not a transient failure.
        expect(sent, `${name} ${status}`).toHaveLength(1);
        if (sent[0]?.method === 'POST') duplicates += sent.length - 1;
      }
    }
    const keyOffOrigin = elsewhere.seen.filter((seen) => seen.headers.key !== undefined).length;
    count(ctx, 'Redirects', { cases, duplicates, keyOffOrigin, strayRequests: elsewhere.seen.length });
    expect(elsewhere.seen).toEqual([]);
  });

  it('the CLI exits 7 with the redirected code and sends the paid request once', async (ctx) => {
    await using elsewhere = await loopbackServer(() => ({ status: 200, body: '{"taskId":"foreign"}' }));
    let cases = 0;
    for (const status of STATUSES) {
      await using redirector = await loopbackServer((seen) => ({
        status,
        headers: { location: `${elsewhere.url}${seen.url}` },
      }));
      const argv = ['generate', 't2v', '--prompt', uniquePrompt('cli redirect'), '--duration', '5'];
      const result = await cli([...argv, '--aspect-ratio', '16:9', '--json'], redirector.url);
      cases += 1;
      expect(result.code, result.stderr).toBe(7);
      expect(JSON.parse(result.stdout).error).toMatchObject({ code: 'redirected' });
      expect(result.stderr).toContain('never redirects');
      expect(redirector.seen.map((seen) => seen.method)).toEqual(['POST']);
    }
    const keyOffOrigin = elsewhere.seen.filter((seen) => seen.headers.key !== undefined).length;
    count(ctx, 'Redirects', { cases, keyOffOrigin, strayRequests: elsewhere.seen.length });
    expect(elsewhere.seen).toEqual([]);
  });
});
