// Local configuration errors at once with nothing sent, redirects never followed (the key goes nowhere
// else, a paid POST is never turned into a GET), causes redacted, the redaction registry per client.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { inspect, promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { AIVideoMaker, InputValidationError, RedirectError } from '../src/index';
import { liveSecretCount } from '../src/secrets';
import { formatToolError } from '../src/tools/index';
import { clientFor, emulator, emulatorPerFile, KEY, T2V } from './helpers';

const emu = emulatorPerFile(() => emulator(), false);

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A loopback server that answers every request with `reply`, recording what it received. */
async function server(
  reply: (seen: Seen) => { status: number; headers?: Record<string, string>; body?: string },
) {
  const seen: Seen[] = [];
  const http: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk));
    req.on('end', () => {
      const record = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      seen.push(record);
      const answer = reply(record);
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(answer.body ?? '{}');
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => promisify(http.close.bind(http))(),
  };
}

describe('local configuration errors are reported at once, with nothing sent', () => {
  const bad: [string, () => unknown, string][] = [
    [
      'a key with CR/LF',
      () => new AIVideoMaker({ apiKey: `${KEY}\r\nx-evil: 1`, baseUrl: emu.url }),
      'apiKey',
    ],
    ['a key with NUL', () => new AIVideoMaker({ apiKey: `${KEY}\0`, baseUrl: emu.url }), 'apiKey'],
    ['a non-Latin-1 key', () => new AIVideoMaker({ apiKey: `${KEY}€`, baseUrl: emu.url }), 'apiKey'],
    [
      'credentials in baseUrl',
      () => new AIVideoMaker({ apiKey: KEY, baseUrl: 'http://u:p@127.0.0.1:4010' }),
      'baseUrl',
    ],
    ['a query in baseUrl', () => new AIVideoMaker({ apiKey: KEY, baseUrl: `${emu.url}?x=1` }), 'baseUrl'],
    ['a fragment in baseUrl', () => new AIVideoMaker({ apiKey: KEY, baseUrl: `${emu.url}#top` }), 'baseUrl'],
    ['port 6000', () => new AIVideoMaker({ apiKey: KEY, baseUrl: 'http://127.0.0.1:6000' }), 'baseUrl'],
    ['port 6666', () => new AIVideoMaker({ apiKey: KEY, baseUrl: 'http://127.0.0.1:6666' }), 'baseUrl'],
    ['port 10080', () => new AIVideoMaker({ apiKey: KEY, baseUrl: 'http://localhost:10080/' }), 'baseUrl'],
  ];
  for (const [name, make, field] of bad) {
    it(`refuses ${name} at construction, without showing the key`, () => {
      let error: unknown;
      try {
        make();
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InputValidationError);
      expect(error).toMatchObject({ field });
      expect(`${inspect(error)}${(error as Error).message}`).not.toContain(KEY);
    });
  }

  it('refuses a non-ASCII webhook URL before the paid request', async () => {
    emu.clearRequests();
    const client = clientFor(emu);
    const error = await client
      .generate('t2v', T2V, { webhookUrl: 'https://hooks.test/vidéo?café=1' })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'invalid_input', field: 'webhookUrl' });
    expect((error as Error).message).toContain('https://hooks.test/vid%C3%A9o?caf%C3%A9=1');
    expect(emu.requests).toHaveLength(0);
  });

  it('a request fetch refuses to send is a local error at once, never "the task may exist"', async () => {
    // A fetch passed in skips the up-front port check; the built-in one underneath still refuses port 6000.
    const client = new AIVideoMaker({
      apiKey: KEY,
      baseUrl: 'http://127.0.0.1:6000',
      fetch: (url, init) => fetch(url, init),
      reconcile: { lookupDelaysMs: [20, 40] },
    });
    for (const call of [() => client.generate('t2v', T2V), () => client.tasks.list()]) {
      const error = await call().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InputValidationError);
      expect(error).toMatchObject({ field: 'baseUrl' });
      expect((error as Error).message).toMatch(/bad port/);
    }
  });
});

describe('redirects are never followed', () => {
  it('the key never reaches another origin, and a paid POST is neither resent nor turned into a GET', async () => {
    const elsewhere = await server(() => ({
      status: 200,
      body: JSON.stringify({ taskId: 'foreign', status: 'SUBMITTED' }),
    }));
    const statuses = [301, 302, 303, 307, 308];
    try {
      for (const status of statuses) {
        const redirector = await server(() => ({
          status,
          headers: { location: `${elsewhere.url}/api/v1/generate/t2v?via=${status}` },
        }));
        try {
          const client = new AIVideoMaker({ apiKey: KEY, baseUrl: redirector.url, maxRetries: 2 });
          const generated = await client.generate('t2v', T2V).catch((caught: unknown) => caught);
          expect(generated, `POST ${status}`).toBeInstanceOf(RedirectError);
          expect(generated).toMatchObject({ code: 'redirected', status, method: 'POST' });
          expect((generated as RedirectError).location).toBe(`${elsewhere.url}/api/v1/generate/t2v`);
          const listed = await client.tasks.list().catch((caught: unknown) => caught);
          expect(listed, `GET ${status}`).toBeInstanceOf(RedirectError);
          // One POST and one GET reached the redirecting server: nothing resent, nothing reconciled.
          expect(redirector.seen.map((r) => r.method)).toEqual(['POST', 'GET']);
        } finally {
          await redirector.close();
        }
      }
      expect(elsewhere.seen).toEqual([]);
    } finally {
      await elsewhere.close();
    }
  });
});

describe('redaction', () => {
  it('covers the cause chain of an error in util.inspect', async () => {
    // A fetch that fails with the key in its message and in a nested cause (no server can do this).
    const leaky: typeof fetch = async () => {
      throw new TypeError(`fetch failed near ${KEY}`, {
        cause: Object.assign(new Error(`socket said ${KEY}`), { code: 'ECONNRESET', cause: new Error(KEY) }),
      });
    };
    const client = new AIVideoMaker({ apiKey: KEY, baseUrl: emu.url, fetch: leaky, maxRetries: 0 });
    const error = await client.tasks.list().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'connection_error' });
    const shown = `${inspect(error, { depth: 10 })}${(error as Error).stack}`;
    expect(shown).toContain('ECONNRESET');
    expect(shown).not.toContain(KEY);
  });

  it('is per client and released with the client', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const before = liveSecretCount();
    (() => {
      for (let index = 0; index < 200; index++) {
        new AIVideoMaker({ apiKey: `temporary-key-${index}-abcdef`, baseUrl: emu.url });
      }
    })();
    const tick = () => new Promise((resolve) => setTimeout(resolve, 10));
    // WeakRef.deref() keeps a target alive until the current job ends: collect in a job of its own.
    let after = liveSecretCount();
    expect(after).toBeGreaterThan(before);
    for (let round = 0; round < 20 && after > before; round++) {
      await tick();
      gc();
      await tick();
      after = liveSecretCount();
    }
    expect(after).toBeLessThanOrEqual(before);
    // A client masks its own key, not the keys of others.
    const mine = clientFor(emu);
    const other = new AIVideoMaker({ apiKey: 'fake-key-another-123', baseUrl: emu.url });
    expect(formatToolError(new Error(`${KEY} fake-key-another-123`))).not.toMatch(/fake-key|another-live/);
    expect(inspect(mine)).not.toContain(KEY);
    expect(inspect(other)).not.toContain('fake-key-another-123');
  });
});
