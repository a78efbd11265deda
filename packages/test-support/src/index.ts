// Node-only test support with no framework in it: child processes, temp folders, polling without fixed
// sleeps, the sliding-window rate check, a stub registry and media bytes. Framework-specific pieces live
// in subpaths (`/emulator`, `/ai-sdk`), so a package's tests load only what that package depends on.

export { isMp4, PNG_BYTES, PNG_DATA_URL } from './media.ts';
export { closedPort } from './ports.ts';
export {
  type ExecOptions,
  type Exit,
  exec,
  NODE_FIRST_PATH,
  type Served,
  type ServeOptions,
  serve,
} from './process.ts';
export { type RegistryRequest, type StubRegistry, stubRegistry } from './registry.ts';
export { type TempDir, tempDir } from './temp.ts';
export { until } from './until.ts';
export { peakInWindow } from './windows.ts';
