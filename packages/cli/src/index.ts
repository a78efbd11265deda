export { COMMANDS, runCli } from './cli';
export type { Command, CommandContext } from './command';
export { DEFAULT_MAX_CREDITS } from './confirm';
export { CliError, UsageError } from './errors';
export { EXIT, type ExitCode } from './exit-codes';
export type { CliEnv, CliIo, OutputStream } from './io';
export { main } from './main';
export { DEFAULT_TIMEOUT_SECONDS } from './task-flow';
export { VERSION } from './version';
