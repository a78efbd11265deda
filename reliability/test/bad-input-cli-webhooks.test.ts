// Bad CLI flags and bad webhook bodies. The CLI exits 2 with a message naming the flag; the webhook
// receiver answers 4xx naming what it expected. Neither sends a single request to the API.
import { describe, expect, it } from 'vitest';
import { cli } from './support/cli';
import { clientFor, emulator } from './support/harness';
import { IMAGE_URL } from './support/inputs';
import { expectRejections, type Rejection } from './support/rejections';
import { webhookServer } from './support/webhook-server';

const T2V = ['generate', 't2v', '--prompt', 'A fox', '--aspect-ratio', '16:9'];
const prompts = (n: number) =>
  Array.from({ length: n }, (_, index) => ['--prompt', `Part ${index + 1}`]).flat();

const CLI_CASES: [argv: string[], names: string][] = [
  [[...T2V, '--duration', '7'], '--duration'],
  [['generate', 't2v', '--aspect-ratio', '16:9', '--duration', '5'], '--prompt'],
  [
    ['generate', 't2v', '--prompt', 'a'.repeat(100_000), '--aspect-ratio', '16:9', '--duration', '5'],
    '--prompt',
  ],
  [
    ['generate', 't2v', '--prompt', 'red \u001b[2J fox', '--aspect-ratio', '16:9', '--duration', '5'],
    '--prompt',
  ],
  [['generate', 'i2v', '--image', 'data:text/plain;base64,aGk=', '--duration', '5'], '--image'],
  [
    [
      'generate',
      'i2v',
      '--image',
      `data:image/png;base64,iVBORw0KGgo${'A'.repeat(14_000_000)}`,
      '--duration',
      '5',
    ],
    '--image',
  ],
  [['generate', 'i2v', '--image', '/nonexistent/cat.png', '--duration', '5'], '--image'],
  [['generate', 'lv', '--image', IMAGE_URL, ...prompts(7), '--yes'], '--prompt'],
  [['generate', 'lv', '--image', IMAGE_URL, '--yes'], '--prompt'],
  [
    ['generate', 't2v_v3', '--prompt', 'A fox', '--aspect-ratio', '16:9', '--duration', '8', '--yes'],
    '--duration',
  ],
  [['generate', 't2v', '--prompt', 'A fox', '--aspect-ratio', '4:3', '--duration', '5'], '--aspect-ratio'],
  [[...T2V, '--duration', '5', '--timeout', '-5'], '--timeout'],
  [[...T2V, '--duration', '5', '--max-credits', 'lots'], '--max-credits'],
  [[...T2V, '--duration', '5', '--webhook-url', 'ftp://hooks.test/x'], '--webhook-url'],
  [[...T2V, '--duration', '5', '--promt', 'x'], '--promt'],
  [['generate', 't3v', '--prompt', 'x'], 'model'],
  [['estimate', 'lv', '--image', IMAGE_URL], '--prompt'],
  [['status', '..'], 'taskId'],
  [['get', 'ck 1'], 'taskId'],
  [['cancel', '../generate/t2v'], 'taskId'],
  [['download', '.'], 'taskId'],
  [['wait', 'ck123', '--timeout', '0'], '--timeout'],
  [['list', '--limit', '-3'], '--limit'],
  [['list', '--status', 'DONE'], '--status'],
];

const WEBHOOK_CASES: [name: string, body: string, says: string, init?: { method?: string }][] = [
  ['not JSON', 'task done!', 'taskId'],
  ['an array', '[{"taskId":"ckabc"}]', 'taskId'],
  ['null', 'null', 'taskId'],
  ['a JSON string', '"ckabc"', 'taskId'],
  ['an empty body', '', 'taskId'],
  ['no taskId', '{"status":"COMPLETED"}', 'taskId'],
  ['a numeric taskId', '{"taskId":42,"status":"COMPLETED"}', 'taskId'],
  ['a path as taskId', '{"taskId":"../tasks","status":"COMPLETED"}', 'taskId'],
  ['a NUL in taskId', '{"taskId":"ck\\u0000abc","status":"COMPLETED"}', 'taskId'],
  ['a 200-character taskId', JSON.stringify({ taskId: 'c'.repeat(200), status: 'COMPLETED' }), 'taskId'],
  ['an operator object as id', '{"taskId":null,"id":{"$ne":1},"status":"COMPLETED"}', 'taskId'],
  ['taskId only under __proto__', '{"__proto__":{"taskId":"ckabc"},"status":"COMPLETED"}', 'taskId'],
  [
    'a 100 KB body',
    JSON.stringify({ taskId: 'ckabc', status: 'COMPLETED', pad: 'x'.repeat(100_000) }),
    'Body too large',
  ],
  ['a GET', '', 'POST', { method: 'GET' }],
];

describe('bad CLI flags and webhook bodies', () => {
  it('the CLI exits 2 naming the flag, before any request', async (ctx) => {
    await using emu = await emulator();
    const cases: Rejection[] = CLI_CASES.map(([argv, names]) => ({
      name: `aivideomaker ${argv.join(' ').slice(0, 80)}`,
      field: names,
      refusal: async () => {
        const run = await cli(argv, emu);
        if (run.code !== 2) throw new Error(`exit code ${run.code}: ${run.stderr.slice(0, 200)}`);
        expect(run.stdout).toBe('');
        return run.stderr;
      },
    }));
    await expectRejections(ctx, emu, cases);
  });

  it('the webhook receiver answers 4xx, calls nothing and tells nobody', async (ctx) => {
    await using emu = await emulator();
    await using receiver = await webhookServer(clientFor(emu));
    const cases: Rejection[] = WEBHOOK_CASES.map(([name, body, says, init]) => ({
      name: `webhook with ${name}`,
      field: says,
      refusal: async () => {
        const answer = await receiver.send(body, init);
        if (answer.status < 400 || answer.status >= 500)
          throw new Error(`HTTP ${answer.status}: ${answer.text}`);
        return answer.text;
      },
    }));
    await expectRejections(ctx, emu, cases);
    expect(receiver.received).toEqual([]);
  });
});
