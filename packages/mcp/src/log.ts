// Log lines go to stderr only: on stdio, stdout carries the protocol and nothing else. Nothing logged here
// comes from a request's headers, so a bearer key cannot reach a log line; core's own request lines
// (--verbose) show the key as [redacted].
import type { Logger } from '@aivideomaker/core';

export type Log = (message: string) => void;

export function stderrLog(stream: { write(text: string): unknown } = process.stderr): Log {
  return (message) => {
    stream.write(`aivideomaker-mcp: ${message}\n`);
  };
}

/** Core's request logger, when --verbose. */
export function coreLogger(log: Log, verbose: boolean): Logger | undefined {
  if (!verbose) return undefined;
  return { debug: (message) => log(message), warn: (message) => log(message) };
}
