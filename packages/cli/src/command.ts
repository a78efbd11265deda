// The shape every command has: its flags and help, and a run function that prints results through
// the context (human text, or one JSON object per result with --json).
import type { AIVideoMaker } from '@aivideomaker/core';
import type { FlagSpecs, ParsedArgs } from './args';
import type { CliIo } from './io';

export interface CommandContext {
  io: CliIo;
  json: boolean;
  quiet: boolean;
  /** The API client; throws the "no API key" guidance when AIVIDEOMAKER_API_KEY is not set. */
  client(): AIVideoMaker;
  /** Prints one result: `value` as a JSON line with --json, else `human` (lines) on stdout. */
  print(value: Record<string, unknown>, human: string | string[]): void;
}

export interface Command {
  name: string;
  /** Positional arguments as shown in the usage line, e.g. `<id>`. */
  args: string;
  summary: string;
  flags: FlagSpecs;
  examples: string[];
  /** Extra help text after the flags (the models and their fields, for generate). */
  details?: () => string[];
  run(context: CommandContext, parsed: ParsedArgs): Promise<void>;
}

/** Flags every command takes. */
export const COMMON_FLAGS: FlagSpecs = {
  json: { type: 'boolean', description: 'Print one JSON object per result on stdout (for scripts)' },
  quiet: { type: 'boolean', short: 'q', description: 'No progress display on stderr' },
  help: { type: 'boolean', short: 'h', description: 'Show this help' },
};
