// The process wiring shared by the npm bin and the bundled skill script: real streams, the two
// environment variables, Ctrl-C aborting the current wait (a second Ctrl-C exits at once), and a quiet
// exit when the reader of stdout goes away (`aivideomaker list | head -1`): nobody is left to tell.
import { runCli } from './cli';
import { processIo } from './io';

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort(new Error('Interrupted'));
  };
  process.on('SIGINT', onSigint);
  process.stdout.on('error', closedPipe);
  process.stderr.on('error', closedPipe);
  try {
    process.exitCode = await runCli(argv, processIo(controller.signal));
  } finally {
    process.off('SIGINT', onSigint);
  }
}

/** EPIPE: the other end of the pipe closed. Anything else on stdout/stderr is a real failure. */
function closedPipe(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
}
