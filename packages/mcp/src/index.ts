// @aivideomaker/mcp: the AI Video Maker MCP server. Most people run the bin (`npx -y @aivideomaker/mcp`);
// this entry lets an app embed the server on a transport of its own.
export { type HttpServerHandle, requestKey, serveHttp } from './http';
export { type Log, stderrLog } from './log';
export {
  type Command,
  DEFAULT_WAIT_SECONDS,
  HELP,
  type HttpOptions,
  parseCommand,
  type ServerOptions,
} from './options';
export { createMcpServer, SERVER_NAME } from './server';
export { createKeySession, type KeySession, KeySessions } from './session';
export { serveStdio } from './stdio';
export { URL_EXPIRY_NOTE } from './tool-result';
export { VERSION } from './version';
