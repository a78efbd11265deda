// The only environment variables read implicitly, read safely where `process` does not exist
// (browsers, edge runtimes).
export const API_KEY_ENV = 'AIVIDEOMAKER_API_KEY';
export const BASE_URL_ENV = 'AIVIDEOMAKER_BASE_URL';
export const DEFAULT_BASE_URL = 'https://aivideomaker.ai';

export function readEnv(name: typeof API_KEY_ENV | typeof BASE_URL_ENV): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[name]?.trim();
  return value ? value : undefined;
}
