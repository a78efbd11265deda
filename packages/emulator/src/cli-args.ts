// Command-line flags of `aivideomaker-emulator`, parsed strictly: an unknown flag or a bad number is an
// error that names the flag and what it accepts.
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_BODY_BYTES, MIN_SPEED } from './limits';
import { API_MODES, type ApiMode, type EmulatorOptions } from './options';
import { PRICE_PRESETS, type PriceTable, resolvePrices } from './prices';

export const USAGE = `Usage: aivideomaker-emulator [options]

A local emulator of the AI Video Maker API. Prints its base URL on the first line of stdout,
logs requests on stderr, and stops on Ctrl-C, SIGTERM or when the process that started it exits.

Options:
  --port <n>           Port to listen on; 0 picks a free one (default 4010)
  --host <host>        Interface to listen on (default 127.0.0.1)
  --api-key <key>      Accept this API key (repeatable; default: any non-empty key)
  --credits <n>        Starting credit balance of every key (default 1000)
  --speed <x>          Time compression: 10 runs every timing 10x faster (default 1, at least 0.001)
  --failure-rate <r>   Share of tasks (0..1) that fail at random (default 0)
  --seed <n>           Seed for the random failures (default 1)
  --api <mode>         live (default): the API document plus api-live.md's additions (quote,
                       account, Idempotency-Key, X-Max-Credits, errorCode, minimax);
                       seed: the API document only
  --prices <table>     Prices: list (default), measured (the live service's measured prices),
                       or JSON credits per second, e.g. '{"t2v":3,"multiplier":2}'
  --webhook-host <h>   Send webhooks only to this host or host:port (repeatable; default: wherever
                       the caller's webhookUrl points)
  --max-body-bytes <n> Refuse request bodies over n bytes with 413 (default 16777216)
  --fault-control      Enable the /__emulator/ control routes (faults, request log, ledger)
  --quiet              Do not log requests on stderr
  --ready-file <path>  Also write the base URL to this file once listening (for scripts);
                       removed again on exit
  --help               Show this help`;

export class CliUsageError extends Error {}

export type CliCommand = { help: true } | { help: false; options: EmulatorOptions; readyFile?: string };

export function parseCliArgs(argv: readonly string[]): CliCommand {
  let values: ReturnType<typeof parse>['values'];
  try {
    ({ values } = parse(argv));
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  if (values.help) return { help: true };
  const options: EmulatorOptions = {
    port: number(
      values.port,
      '--port',
      (n) => Number.isInteger(n) && n >= 0 && n <= 65535,
      'an integer 0-65535',
    ),
    host: values.host,
    credits: number(values.credits, '--credits', (n) => n >= 0, 'a number >= 0'),
    speed: number(values.speed, '--speed', (n) => n >= MIN_SPEED, `a number >= ${MIN_SPEED}`),
    failureRate: number(
      values['failure-rate'],
      '--failure-rate',
      (n) => n >= 0 && n <= 1,
      'a number from 0 to 1',
    ),
    seed: number(values.seed, '--seed', Number.isInteger, 'an integer'),
    faultControl: values['fault-control'],
    quiet: values.quiet,
    api: apiMode(values.api),
    maxBodyBytes: number(
      values['max-body-bytes'],
      '--max-body-bytes',
      (n) => Number.isInteger(n) && n >= 1024,
      'an integer >= 1024',
    ),
    prices: priceTable(values.prices),
  };
  const hosts = values['webhook-host'];
  if (hosts) {
    if (hosts.some((host) => !/^[^\s/?#@]+$/.test(host))) {
      throw new CliUsageError(
        '--webhook-host must be a host name or host:port, such as 127.0.0.1 or hooks.test:8080',
      );
    }
    options.webhookHosts = hosts;
  }
  const keys = values['api-key'];
  if (keys) {
    if (keys.some((key) => key.trim() === '')) throw new CliUsageError('--api-key must not be empty');
    options.apiKeys = keys;
  }
  const readyFile = values['ready-file'];
  if (readyFile === '') throw new CliUsageError('--ready-file must be a file path');
  return readyFile === undefined ? { help: false, options } : { help: false, options, readyFile };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      'api-key': { type: 'string', multiple: true },
      credits: { type: 'string', default: '1000' },
      speed: { type: 'string', default: '1' },
      'failure-rate': { type: 'string', default: '0' },
      seed: { type: 'string', default: '1' },
      api: { type: 'string', default: 'live' },
      prices: { type: 'string', default: 'list' },
      'webhook-host': { type: 'string', multiple: true },
      'max-body-bytes': { type: 'string', default: String(DEFAULT_MAX_BODY_BYTES) },
      'fault-control': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      'ready-file': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

function number(text: string, flag: string, valid: (n: number) => boolean, allowed: string): number {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value) || !valid(value)) {
    throw new CliUsageError(`${flag} must be ${allowed} (got "${text}")`);
  }
  return value;
}

function apiMode(text: string): ApiMode {
  if (!(API_MODES as readonly string[]).includes(text)) {
    throw new CliUsageError(`--api must be one of ${API_MODES.join(', ')} (got "${text}")`);
  }
  return text as ApiMode;
}

function priceTable(text: string): PriceTable {
  const preset = PRICE_PRESETS[text];
  if (preset && Object.hasOwn(PRICE_PRESETS, text)) return preset;
  let table: PriceTable;
  try {
    table = JSON.parse(text);
  } catch {
    throw new CliUsageError(
      `--prices must be ${Object.keys(PRICE_PRESETS).join(' or ')}, or a JSON object of credits per second (got "${text}")`,
    );
  }
  try {
    resolvePrices(table);
  } catch (error) {
    throw new CliUsageError(`--prices: ${(error as Error).message.replace('Emulator option ', '')}`);
  }
  return table;
}
