// `openclaw/plugin-sdk/provider-auth-runtime` ships no declarations in 2026.9.6: the one function used.
declare module 'openclaw/plugin-sdk/provider-auth-runtime' {
  import type { OpenClawConfig } from 'openclaw/plugin-sdk/provider-auth';
  export function resolveApiKeyForProvider(params: {
    provider: string;
    cfg?: OpenClawConfig;
    agentDir?: string;
    store?: unknown;
  }): Promise<{ apiKey?: string; source?: string; mode?: string }>;
}
