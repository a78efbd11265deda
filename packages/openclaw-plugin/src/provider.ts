// The video-generation provider registered for OpenClaw's built-in video_generate tool.
import { isProviderApiKeyConfigured } from 'openclaw/plugin-sdk/provider-auth';
import { resolveApiKeyForProvider } from 'openclaw/plugin-sdk/provider-auth-runtime';
import { buildCapabilities, buildCatalog, modelCapabilities } from './capabilities';
import type { PluginConfig } from './config';
import { createGenerateVideo, DEFAULT_TIMEOUT_MS, type GenerateDeps } from './generate';
import { findOffer, OFFERED_MODELS, offersFor } from './models';
import type { VideoGenerationProvider, VideoGenerationRequest } from './openclaw-types';
import { PROVIDER_ID, PROVIDER_LABEL } from './provider-id';

async function keyFromProviderAuth(req: VideoGenerationRequest): Promise<string | undefined> {
  try {
    const auth = await resolveApiKeyForProvider({
      provider: PROVIDER_ID,
      cfg: req.cfg,
      ...(req.agentDir ? { agentDir: req.agentDir } : {}),
      store: req.authStore,
    });
    return auth.apiKey?.trim() || undefined;
  } catch {
    // OpenClaw throws when no credential exists; the caller reports a missing key in our words.
    return undefined;
  }
}

export function createVideoGenerationProvider(
  config: PluginConfig,
  overrides: Partial<Pick<GenerateDeps, 'resolveApiKey' | 'clientOptions'>> = {},
): VideoGenerationProvider {
  return {
    id: PROVIDER_ID,
    label: PROVIDER_LABEL,
    defaultModel: offersFor('generate')[0]?.model ?? OFFERED_MODELS[0],
    defaultTimeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    models: [...OFFERED_MODELS],
    capabilities: buildCapabilities(),
    catalogByModel: buildCatalog(),
    resolveModelCapabilities: ({ model }) => {
      const offer = findOffer(model.replace(`${PROVIDER_ID}/`, ''));
      return offer ? modelCapabilities(offer) : undefined;
    },
    // Synchronous and side-effect free: a missing key is "not configured", never an exception.
    isConfigured: (ctx) => {
      try {
        return isProviderApiKeyConfigured({ provider: PROVIDER_ID, ...ctx });
      } catch {
        return false;
      }
    },
    generateVideo: createGenerateVideo({
      config,
      resolveApiKey: overrides.resolveApiKey ?? keyFromProviderAuth,
      ...(overrides.clientOptions ? { clientOptions: overrides.clientOptions } : {}),
    }),
  };
}
