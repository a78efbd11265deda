// The OpenClaw plugin SDK types this plugin uses. `openclaw/plugin-sdk/video-generation` ships no
// declarations in 2026.9.6, so the provider contract is taken from the typed registration method: the
// installed host's own definition, never a copy.
import type { OpenClawPluginApi } from 'openclaw/plugin-sdk/plugin-entry';

export type { OpenClawPluginApi };
export type VideoGenerationProvider = Parameters<OpenClawPluginApi['registerVideoGenerationProvider']>[0];
export type VideoGenerationRequest = Parameters<VideoGenerationProvider['generateVideo']>[0];
export type VideoGenerationResult = Awaited<ReturnType<VideoGenerationProvider['generateVideo']>>;
export type VideoGenerationProviderCapabilities = VideoGenerationProvider['capabilities'];
export type VideoGenerationModeCapabilities = NonNullable<VideoGenerationProviderCapabilities['generate']>;
export type VideoGenerationCatalogModelEntry = NonNullable<VideoGenerationProvider['catalogByModel']>[string];
export type OpenClawConfig = VideoGenerationRequest['cfg'];
