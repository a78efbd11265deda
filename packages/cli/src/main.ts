// The process wiring shared by the npm bin and the bundled skill script: real streams, the two
// environment variables, Ctrl-C aborting the current wait (a second Ctrl-C exits at once).
import { runCli } from './cli';
import { processIo } from './io';

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort(new Error('Interrupted'));
  };
  process.on('SIGINT', onSigint);
  try {
    process.exitCode = await runCli(argv, processIo(controller.signal));
  } finally {
    process.off('SIGINT', onSigint);
  }
}
