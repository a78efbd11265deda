#!/usr/bin/env node
// `aivideomaker-emulator`: runs the emulator until Ctrl-C / SIGTERM. The first stdout line is the base
// URL (scripts read it); everything else goes to stderr.
import { CliUsageError, parseCliArgs, USAGE } from './cli-args';
import { whenParentExits, writeReadyFile } from './cli-lifetime';
import { startEmulator } from './emulator';

async function main(argv: readonly string[]): Promise<number> {
  let command: ReturnType<typeof parseCliArgs>;
  try {
    command = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    process.stderr.write(`aivideomaker-emulator: ${error.message}\nRun with --help for usage.\n`);
    return 2;
  }
  if (command.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { options } = command;
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  try {
    emulator = await startEmulator({
      ...options,
      onWarning: (message) => process.stderr.write(`${message}\n`),
    });
  } catch (error) {
    const hint = (error as Error).message.includes('in use')
      ? ' (choose another with --port, or --port 0)'
      : '';
    process.stderr.write(`aivideomaker-emulator: ${(error as Error).message}${hint}\n`);
    return 1;
  }
  process.stdout.write(`${emulator.url}\n`);
  const removeReadyFile = command.readyFile ? writeReadyFile(command.readyFile, emulator.url) : () => {};
  const keys = options.apiKeys ? `${options.apiKeys.length} API key(s)` : 'any non-empty API key';
  process.stderr.write(
    `aivideomaker-emulator listening on ${emulator.url} (${keys}, ${options.credits} credits, speed ${options.speed}, api ${emulator.api})\n`,
  );
  return new Promise((resolve) => {
    let stopping = false;
    const stop = (reason: string) => {
      if (stopping) return;
      stopping = true;
      process.stderr.write(`aivideomaker-emulator: ${reason}, shutting down\n`);
      removeReadyFile();
      emulator.close().then(() => resolve(0));
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
    whenParentExits(() => stop('the process that started it exited'));
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`aivideomaker-emulator: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
