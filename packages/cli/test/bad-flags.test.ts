// Bad flags and bad input: a precise message, the usage of that command, exit code 2, and not a
// single request to the API.
import { expect, it } from 'vitest';
import { emulator, emulatorPerFile, run } from './helpers';

const emu = emulatorPerFile(() => emulator(), false);

const t2v = ['generate', 't2v', '--prompt', 'x', '--aspect-ratio', '16:9'];
const IMAGE = 'https://example.com/cat.png';

it.each([
  [
    [...t2v, '--duration', '7'],
    'generate',
    'Invalid --duration: "7" is not allowed for model t2v. Allowed: "5", "8".',
  ],
  [[...t2v, '--duration', '10'], 'generate', 'Use t2v_v3 or minimax for 10 s videos'],
  [
    ['generate', 't2v', '--prompt', 'x', '--aspect-ratio', '4:3', '--duration', '5'],
    'generate',
    'Invalid --aspect-ratio: "4:3"',
  ],
  [
    ['generate', 't2v', '--aspect-ratio', '16:9', '--duration', '5'],
    'generate',
    'Invalid --prompt: is required for model t2v',
  ],
  [[...t2v, '--promt', 'y', '--duration', '5'], 'generate', 'unknown flag --promt (did you mean --prompt?)'],
  [
    ['generate', 'i2v', '--image', IMAGE, '--duration', '5', '--aspect-ratio', '16:9'],
    'generate',
    '--aspect-ratio does not apply to i2v (i2v takes --image, --prompt, --duration)',
  ],
  [[...t2v, '--prompt', 'again', '--duration', '5'], 'generate', '--prompt was given 2 times; t2v takes one'],
  [
    ['generate', 't2v', '--prompt', '--duration', '5'],
    'generate',
    '--prompt needs a value (got the flag --duration)',
  ],
  [
    ['generate', 'lv', '--image', IMAGE, ...Array(7).fill(['--prompt', 'p']).flat()],
    'generate',
    'Invalid --prompt: ',
  ],
  [
    ['generate', 'i2v', '--image', 'missing.png', '--duration', '5'],
    'generate',
    'Invalid --image: no readable file',
  ],
  [['generate', 't3v'], 'generate', 'unknown model "t3v": use one of t2v, i2v, lv, t2v_v3, i2v_v3'],
  [['generate'], 'generate', 'missing <model>'],
  [[...t2v, '--duration', '5', '--yes=1'], 'generate', '--yes takes no value (got "1")'],
  [
    [...t2v, '--duration', '5', '--timeout', 'soon'],
    'generate',
    '--timeout must be a positive number (got "soon")',
  ],
  [
    [...t2v, '--duration', '5', '--max-credits', '-1'],
    'generate',
    '--max-credits must be a non-negative number',
  ],
  [
    // Costs 50 credits, over the default --max-credits: still reported as this flag before any question.
    [
      'generate',
      't2v_v3',
      '--prompt',
      'x',
      '--aspect-ratio',
      '16:9',
      '--duration',
      '5',
      '--webhook-url',
      'not a url',
    ],
    'generate',
    '--webhook-url must be an absolute http(s) URL (got "not a url")',
  ],
  [['status'], 'status', 'missing <id>'],
  [['get', 'a', 'b'], 'get', 'unexpected argument "b"'],
  [['list', '--limit', '2.5'], 'list', '--limit must be a non-negative whole number (got "2.5")'],
  [
    ['list', '--status', 'DONE'],
    'list',
    '--status must be one of SUBMITTED, PROGRESS, COMPLETED, FAILED, CANCEL',
  ],
  [['estimate', 't2v'], 'estimate', 'Invalid --duration: is required for model t2v. Allowed: "5", "8".'],
])('%j -> exit 2: "%s" usage and the message', async (argv, command, message) => {
  emu.clearRequests();
  const result = await run(argv, emu);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain(message);
  expect(result.stderr).toContain(`Usage: aivideomaker ${command}`);
  expect(result.stdout).toBe('');
  expect(emu.requests).toHaveLength(0);
});

it('an unknown command shows the command list', async () => {
  const result = await run(['frobnicate'], emu);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('unknown command "frobnicate"');
  expect(result.stderr).toMatch(/Commands:\n {2}generate <model>/);
});

it('--json errors are one object on stdout', async () => {
  const result = await run(['generate', 't2v', '--duration', '9', '--json'], emu);
  expect(result.json()).toEqual({
    error: {
      code: 'invalid_input',
      exitCode: 2,
      field: 'prompt',
      message: expect.stringContaining('prompt'),
    },
  });
});

it('help: the overview, and each command with the fields of every model (from core)', async () => {
  const overview = await run(['--help'], emu);
  expect(overview.code).toBe(0);
  for (const command of ['generate', 'estimate', 'status', 'get', 'wait', 'download', 'cancel', 'list']) {
    expect(overview.stdout).toMatch(new RegExp(`^ {2}${command} `, 'm'));
  }
  const generate = await run(['generate', '--help'], emu);
  expect(generate.stdout).toContain(
    't2v_v3  --prompt <text> --aspect-ratio 16:9|9:16|1:1 --duration 5|10|15|20',
  );
  expect(generate.stdout).toContain('lv      --image <url|file> --prompt <text> ...');
  expect(generate.stdout).toContain('--max-credits <n>');
  expect((await run(['help', 'wait'], emu)).stdout).toContain('Usage: aivideomaker wait <id>');
  expect((await run(['--version'], emu)).stdout).toMatch(/^\d+\.\d+\.\d+/);
  expect(emu.requests).toHaveLength(0);
});
