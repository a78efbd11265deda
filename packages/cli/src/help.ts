// Usage texts: the overview and each command's usage, written from the command definitions so the
// help never drifts from what the parser accepts.
import type { FlagSpecs } from './args';
import { COMMON_FLAGS, type Command } from './command';

export const HOMEPAGE = 'https://aivideomaker.ai';

export function overview(commands: Command[], version: string): string {
  const width = Math.max(...commands.map((command) => `${command.name} ${command.args}`.length));
  return [
    `aivideomaker ${version}: generate AI videos with AI Video Maker (${HOMEPAGE})`,
    '',
    'Usage: aivideomaker <command> [arguments] [flags]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${`${command.name} ${command.args}`.padEnd(width)}  ${command.summary}`),
    '',
    'Flags for every command:',
    ...flagLines(COMMON_FLAGS),
    '',
    'Environment:',
    `  AIVIDEOMAKER_API_KEY   your API key (get one at ${HOMEPAGE})`,
    `  AIVIDEOMAKER_BASE_URL  API base URL (default ${HOMEPAGE}); point it at the local emulator`,
    '                         (npx @aivideomaker/emulator) to try everything without spending credits',
    '',
    'Exit codes: 0 ok, 2 bad input, 3 API key missing or rejected, 4 insufficient credits,',
    '  5 task failed or cancelled, 6 task not finished (wait timed out), 7 network or server error,',
    '  8 needs confirmation (--yes), 130 interrupted.',
    '',
    'Run `aivideomaker <command> --help` for the flags of a command.',
  ].join('\n');
}

export function usage(command: Command): string {
  const own = Object.keys(command.flags).length > 0 ? ' [flags]' : '';
  return [
    `Usage: aivideomaker ${command.name}${command.args ? ` ${command.args}` : ''}${own} [--json]`,
    '',
    command.summary,
    ...(command.details ? ['', ...command.details()] : []),
    '',
    'Flags:',
    ...flagLines({ ...command.flags, ...COMMON_FLAGS }),
    '',
    'Examples:',
    ...command.examples.map((example) => `  ${example}`),
  ].join('\n');
}

function flagLines(flags: FlagSpecs): string[] {
  const entries = Object.entries(flags).filter(([, spec]) => !spec.hidden);
  const labels = entries.map(([name, spec]) => {
    const short = spec.short ? `-${spec.short}, ` : '    ';
    return `${short}--${name}${spec.value ? ` ${spec.value}` : ''}`;
  });
  const width = Math.max(0, ...labels.map((label) => label.length));
  return entries.map(([, spec], index) => `  ${(labels[index] ?? '').padEnd(width)}  ${spec.description}`);
}
