// The CLI against both kinds of server: `account`, the price confirmation with its source, the spend sent
// as X-Max-Credits, and the expiry line of a video that was not saved.
import type { Emulator } from '@aivideomaker/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulator, LIVE_EMULATOR, paidRequests, run } from './helpers';

const T2V = ['generate', 't2v', '--prompt', 'A paper boat', '--aspect-ratio', '16:9', '--duration', '5'];
let live: Emulator;
let seed: Emulator;
beforeAll(async () => {
  // The live service's measured prices are about 3x the document's.
  live = await emulator({ prices: { multiplier: 3 } });
  seed = await emulator({ api: 'seed' });
});
afterAll(async () => {
  await live.close();
  await seed.close();
});

describe('aivideomaker account', () => {
  it.skipIf(!LIVE_EMULATOR)('prints the balance, the models and the key limits', async () => {
    const human = await run(['account'], live);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/^Key valid\. Balance: \d+ credits/);
    expect(human.stdout).toMatch(/models: +t2v, .*minimax/);
    expect(human.stdout).toMatch(/daily credit limit: unlimited/);
    expect((await run(['account', '--json'], live)).json()).toMatchObject({ offered: true, limits: {} });
  });

  it('says plainly when the server does not offer it', async () => {
    const result = await run(['account', '--json'], seed);
    expect(result.code).toBe(0);
    expect(result.json()).toMatchObject({ offered: false, message: expect.stringMatching(/does not offer/) });
  });
});

describe('generate asks the price first', () => {
  it.skipIf(!LIVE_EMULATOR)(
    "confirms the server's quote, not the list price, and sends the approved spend as X-Max-Credits",
    async () => {
      live.clearRequests();
      const refused = await run([...T2V, '--max-credits', '10', '--json'], live);
      expect(refused.code).toBe(8);
      expect(refused.stderr).toContain(
        'This t2v task costs 15 credits (server quote), more than --max-credits 10',
      );
      expect(paidRequests(live)).toHaveLength(0);
      const asked = await run([...T2V, '--max-credits', '10'], live, { tty: true, input: 'y\n' });
      expect(asked.stderr).toContain('This t2v task costs 15 credits (server quote). Spend them? [y/N]');
      expect(asked.code, asked.stderr).toBe(0);
      expect(asked.stdout).toMatch(/^Submitted t2v task \S+ \(15 credits\)\./);
      expect(paidRequests(live).map((r) => r.headers['x-max-credits'])).toEqual(['15']);
    },
  );

  it('shows the list price, marked as such, where the server gives no quote', async () => {
    const result = await run([...T2V, '--max-credits', '1', '--json'], seed);
    expect(result.code).toBe(8);
    expect(result.stderr).toContain('5 credits (list-price estimate; the server gives no quote)');
    expect(result.json().error).toMatchObject({ credits: 5, source: 'estimate' });
  });

  it.skipIf(!LIVE_EMULATOR)('says the video URL expires when the file was not saved', async () => {
    const result = await run([...T2V, '--wait'], live);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/video: http/);
    expect(result.stdout).toMatch(/24 hours/); // the server's own message (output.msg)
    expect(result.stdout).toMatch(
      /expires \(24 h on the live service\): run `aivideomaker download \S+` \(or pass --out\)/,
    );
    const saved = await run([...T2V, '--wait', '--json'], seed);
    expect(saved.json()).toMatchObject({ expires: expect.stringMatching(/download/) });
  });
});

describe('estimate', () => {
  it.skipIf(!LIVE_EMULATOR)(
    "uses the server's quote with a key and a complete input, else the list price",
    async () => {
      const quoted = await run(
        ['estimate', 't2v', '--prompt', 'x', '--aspect-ratio', '1:1', '--duration', '8', '--json'],
        live,
      );
      expect(quoted.json()).toMatchObject({ credits: 24, source: 'server' });
      const partial = await run(['estimate', 't2v', '--duration', '8', '--json'], live);
      expect(partial.json()).toMatchObject({ credits: 8, source: 'estimate' });
    },
  );
});
