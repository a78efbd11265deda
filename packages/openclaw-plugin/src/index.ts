// @aivideomaker/openclaw-plugin: AI Video Maker as a provider of OpenClaw's built-in video_generate tool.
// Registers the `aivideomaker` provider twice over: for auth (the API key from AIVIDEOMAKER_API_KEY, an
// auth profile or config, as for every OpenClaw provider) and for video generation.
import { definePluginEntry } from 'openclaw/plugin-sdk/plugin-entry';
import { createProviderApiKeyAuthMethod } from 'openclaw/plugin-sdk/provider-auth';
import { readPluginConfig } from './config';
import { createVideoGenerationProvider } from './provider';
import { API_KEY_ENV, PROVIDER_ID, PROVIDER_LABEL } from './provider-id';

export default definePluginEntry({
  id: PROVIDER_ID,
  name: PROVIDER_LABEL,
  description: 'AI Video Maker text-to-video and image-to-video for the video_generate tool.',
  register(api) {
    api.registerProvider({
      id: PROVIDER_ID,
      label: PROVIDER_LABEL,
      envVars: [API_KEY_ENV],
      auth: [
        createProviderApiKeyAuthMethod({
          providerId: PROVIDER_ID,
          methodId: 'api-key',
          label: `${PROVIDER_LABEL} API key`,
          optionKey: 'aivideomakerApiKey',
          flagName: '--aivideomaker-api-key',
          envVar: API_KEY_ENV,
          promptMessage: `Enter your ${PROVIDER_LABEL} API key`,
        }),
      ],
    });
    api.registerVideoGenerationProvider(createVideoGenerationProvider(readPluginConfig(api.pluginConfig)));
  },
});
