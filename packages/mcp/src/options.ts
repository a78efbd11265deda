// The server's options from its command line. The key and the API origin come only from the two documented
// environment variables (read by core) or, over HTTP, from each request's bearer; never from a flag, so a
// key never shows in a process list.
import { parseArgs } from 'node:util';
import { InputValidationError, MODEL_NAMES, type ModelName } from '@aivideomaker/core';

/** Well under the ~60 s after which hosts such as Claude Desktop cut a tool call. */
export const DEFAULT_WAIT_SECONDS = 40;

export interface ServerOptions {
  /** How long a generation tool (and get_video_task) waits before returning the task id; 0 = not at all. */
  waitMs: number;
  maxCreditsPerCall?: number;
  maxCreditsTotal?: number;
  allowedModels?: ModelName[];
  /** Folders local images may be read from; empty = local files off. */
  imageFolders: string[];
  /** Interval between status checks while waiting (core's default when absent). */
  pollIntervalMs?: number;
  /** One redacted line per API request on stderr. */
  verbose: boolean;
}

export interface HttpOptions {
  port: number;
  host: string;
  /** Host names accepted in the Host header besides the loopback ones (DNS-rebinding protection). */
  allowedHosts: string[];
}

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'stdio'; options: ServerOptions }
  | { kind: 'http'; options: ServerOptions; http: HttpOptions };

const FLAGS = {
  http: { type: 'boolean' },
  port: { type: 'string' },
  host: { type: 'string' },
  'allowed-host': { type: 'string', multiple: true },
  wait: { type: 'string' },
  'max-credits-per-call': { type: 'string' },
  'max-credits-total': { type: 'string' },
  models: { type: 'string' },
  'image-folder': { type: 'string', multiple: true },
  'poll-interval': { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

function number(flag: string, value: string | undefined, min: number): number | undefined {
  // Empty means not set: an MCP bundle passes an optional setting the user left blank as "".
  if (value === undefined || value.trim() === '') return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < min) {
    throw new InputValidationError(`--${flag}`, `${JSON.stringify(value)} is not a number >= ${min}`);
  }
  return parsed;
}

function models(value: string | undefined): ModelName[] | undefined {
  if (value === undefined) return undefined;
  const list = value.split(',').map((model) => model.trim());
  for (const model of list) {
    if (!(MODEL_NAMES as readonly string[]).includes(model)) {
      throw new InputValidationError('--models', `${JSON.stringify(model)} is not a model`, MODEL_NAMES);
    }
  }
  return list as ModelName[];
}

/** Parses argv (without node and the script); throws InputValidationError naming the flag. */
export function parseCommand(argv: readonly string[]): Command {
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: [...argv], options: FLAGS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new InputValidationError('arguments', (error as Error).message, undefined, 'See --help.');
  }
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const str = (name: keyof typeof FLAGS) => values[name] as string | undefined;
  const wait = number('wait', str('wait'), 0) ?? DEFAULT_WAIT_SECONDS;
  const perCall = number('max-credits-per-call', str('max-credits-per-call'), 0);
  const total = number('max-credits-total', str('max-credits-total'), 0);
  const allowed = models(str('models'));
  const poll = number('poll-interval', str('poll-interval'), 10);
  const options: ServerOptions = {
    waitMs: Math.round(wait * 1000),
    ...(perCall === undefined ? {} : { maxCreditsPerCall: perCall }),
    ...(total === undefined ? {} : { maxCreditsTotal: total }),
    ...(allowed ? { allowedModels: allowed } : {}),
    imageFolders: (values['image-folder'] as string[] | undefined) ?? [],
    ...(poll === undefined ? {} : { pollIntervalMs: poll }),
    verbose: values.verbose === true,
  };
  if (!values.http) {
    for (const flag of ['port', 'host', 'allowed-host'] as const) {
      if (values[flag] !== undefined) throw new InputValidationError(`--${flag}`, 'needs --http');
    }
    return { kind: 'stdio', options };
  }
  const port = number('port', str('port'), 0) ?? 3000;
  if (!Number.isInteger(port) || port > 65535) {
    throw new InputValidationError('--port', `${port} is not a port (0-65535)`);
  }
  const http: HttpOptions = {
    port,
    host: str('host') ?? '127.0.0.1',
    allowedHosts: (values['allowed-host'] as string[] | undefined) ?? [],
  };
  return { kind: 'http', options, http };
}

export const HELP = `aivideomaker-mcp: the AI Video Maker MCP server (text-to-video, image-to-video, long video).

Usage:
  aivideomaker-mcp [options]                  stdio server (what Claude Desktop, Cursor, VS Code start)
  aivideomaker-mcp --http [--port 3000] [--host 127.0.0.1] [options]
                                              Streamable HTTP server at /mcp; each request's
                                              "Authorization: Bearer <key>" is the user's API key

Options:
  --wait <seconds>               How long a generation call (and get_video_task) waits for the video
                                 before returning the task id to check later (default ${DEFAULT_WAIT_SECONDS}; 0 = return at once)
  --max-credits-per-call <n>     Refuse a single generation estimated above n credits
  --max-credits-total <n>        Refuse generations once n credits were committed (per API key)
  --models <list>                Only these models, comma-separated (${MODEL_NAMES.join(', ')})
  --image-folder <dir>           Allow local image paths inside this folder (repeatable; off by default)
  --poll-interval <ms>           Time between status checks while waiting (default: core's 2-15 s backoff)
  --allowed-host <name>          With --http: also accept this Host header (repeatable; loopback names always)
  --verbose                      One line per API request on stderr (the key is always redacted)
  -h, --help / -v, --version

Environment:
  AIVIDEOMAKER_API_KEY           API key (stdio; over HTTP the fallback when a request has no bearer)
  AIVIDEOMAKER_BASE_URL          API origin (default https://aivideomaker.ai; e.g. a local emulator)
`;
