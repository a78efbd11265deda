// runCli: argv in, exit code out. Everything the CLI does goes through here, in-process, so tests and
// the bundled skill script run exactly the code people run.
import { AIVideoMaker } from '@aivideomaker/core';
import { type FlagSpecs, parseFlags } from './args';
import { COMMON_FLAGS, type Command, type CommandContext } from './command';
import { account } from './commands/account';
import { download } from './commands/download';
import { estimate } from './commands/estimate';
import { generate } from './commands/generate';
import { cancel, get, list, status } from './commands/tasks';
import { wait } from './commands/wait';
import { CliError, UsageError } from './errors';
import { EXIT } from './exit-codes';
import { NO_KEY_MESSAGE, toCliError } from './exit-mapping';
import { overview, usage } from './help';
import { type CliIo, processIo } from './io';
import { VERSION } from './version';

export const COMMANDS: Command[] = [generate, estimate, account, status, get, wait, download, cancel, list];

export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const json = argv.includes('--json');
  const [name, ...rest] = argv;
  const command = COMMANDS.find((candidate) => candidate.name === name);
  try {
    if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
      const topic = COMMANDS.find((candidate) => candidate.name === rest[0]);
      io.stdout.write(`${topic ? usage(topic) : overview(COMMANDS, VERSION)}\n`);
      return name === undefined ? EXIT.badInput : EXIT.ok;
    }
    if (name === '--version' || name === '-v') {
      io.stdout.write(`${VERSION}\n`);
      return EXIT.ok;
    }
    if (!command) throw new UsageError(`unknown command "${name}"`);
    const flags: FlagSpecs = { ...command.flags, ...COMMON_FLAGS };
    const parsed = parseFlags(rest, flags, command.name);
    if (parsed.values.help) {
      io.stdout.write(`${usage(command)}\n`);
      return EXIT.ok;
    }
    await command.run(commandContext(io, json, parsed.values.quiet === true), parsed);
    return EXIT.ok;
  } catch (error) {
    return report(
      io,
      json,
      io.signal?.aborted && !(error instanceof CliError && error.code === 'interrupted')
        ? interrupted()
        : toCliError(error, io.env.AIVIDEOMAKER_BASE_URL, command?.name),
    );
  }
}

function commandContext(io: CliIo, json: boolean, quiet: boolean): CommandContext {
  let client: AIVideoMaker | undefined;
  return {
    io,
    json,
    quiet,
    client() {
      const apiKey = io.env.AIVIDEOMAKER_API_KEY?.trim();
      if (!apiKey) throw new CliError(NO_KEY_MESSAGE, EXIT.auth, 'missing_api_key');
      const baseUrl = io.env.AIVIDEOMAKER_BASE_URL?.trim();
      client ??= new AIVideoMaker({ apiKey, ...(baseUrl ? { baseUrl } : {}) });
      return client;
    },
    print(value, human) {
      const text = json ? JSON.stringify(value) : [human].flat().join('\n');
      io.stdout.write(`${text}\n`);
    },
  };
}

function interrupted(): CliError {
  const message = 'Interrupted. A task already submitted keeps running: find it with `aivideomaker list`.';
  return new CliError(message, EXIT.interrupted, 'interrupted');
}

function report(io: CliIo, json: boolean, error: CliError): number {
  const command =
    error instanceof UsageError ? COMMANDS.find((candidate) => candidate.name === error.command) : undefined;
  const hint =
    error instanceof UsageError ? `\n\n${command ? usage(command) : overview(COMMANDS, VERSION)}` : '';
  io.stderr.write(`aivideomaker: ${error.message}${hint}\n`);
  if (json) {
    const payload = { code: error.code, message: error.message, exitCode: error.exitCode, ...error.details };
    io.stdout.write(`${JSON.stringify({ error: payload })}\n`);
  }
  return error.exitCode;
}
