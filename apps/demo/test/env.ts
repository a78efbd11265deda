// The environment a demo process gets in tests: this shell's, minus every key and URL the demo reads, so a
// developer's real AIVIDEOMAKER_API_KEY or OPENAI_API_KEY never turns a test into a paid run.
export function demoEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const {
    AIVIDEOMAKER_API_KEY: _key,
    AIVIDEOMAKER_BASE_URL: _url,
    OPENAI_API_KEY: _openai,
    ...rest
  } = process.env;
  return { ...rest, NO_COLOR: '1', ...env };
}
