// The aivideomaker-mcp command: parse the flags, start the chosen transport, report bad flags on stderr
// with exit code 2.
import { AIVideoMakerError } from '@aivideomaker/core';
import { serveHttp } from './http';
import { type Log, stderrLog } from './log';
import { HELP, parseCommand } from './options';
import { serveStdio } from './stdio';
import { VERSION } from './version';

export async function main(
  argv: readonly string[] = process.argv.slice(2),
  log: Log = stderrLog(),
): Promise<void> {
  let command: ReturnType<typeof parseCommand>;
  try {
    command = parseCommand(argv);
  } catch (error) {
    log(error instanceof AIVideoMakerError ? error.message : String(error));
    process.exitCode = 2;
    return;
  }
  if (command.kind === 'help') {
    process.stderr.write(HELP);
    return;
  }
  if (command.kind === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  try {
    if (command.kind === 'stdio') await serveStdio(command.options, log);
    else {
      const handle = await serveHttp(command.options, command.http, log);
      const stop = () => void handle.close().finally(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    }
  } catch (error) {
    log(`cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
