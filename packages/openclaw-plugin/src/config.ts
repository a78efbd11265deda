// The plugin's own settings (`plugins.entries.aivideomaker.config`), also declared as JSON Schema in
// openclaw.plugin.json so OpenClaw validates them before the plugin loads. Read again here, so a bad
// value set some other way is refused with the setting's name rather than misused.
import { InputValidationError } from '@aivideomaker/core';

export interface PluginConfig {
  /** API origin; defaults to AIVIDEOMAKER_BASE_URL, else https://aivideomaker.ai (core's rule). */
  baseUrl?: string | undefined;
  /** Most credits one video may cost; a dearer request is refused before it is sent. */
  maxCredits?: number | undefined;
  /** How long generateVideo waits when OpenClaw passes no timeout (ms, default 20 minutes: core's DEFAULT_WAIT_TIMEOUT_MS). */
  timeoutMs?: number | undefined;
}

const KEYS = ['baseUrl', 'maxCredits', 'timeoutMs'] as const;

function positiveInteger(field: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new InputValidationError(
      `plugins.entries.aivideomaker.config.${field}`,
      `${String(value)} is not a whole number >= 1`,
    );
  }
  return value;
}

export function readPluginConfig(raw: Record<string, unknown> | undefined): PluginConfig {
  const config = raw ?? {};
  const unknown = Object.keys(config).find((key) => !(KEYS as readonly string[]).includes(key));
  if (unknown) {
    throw new InputValidationError(
      `plugins.entries.aivideomaker.config.${unknown}`,
      'is not a setting of this plugin',
      KEYS,
    );
  }
  const { baseUrl } = config;
  if (baseUrl !== undefined && (typeof baseUrl !== 'string' || !/^https?:\/\/\S+$/i.test(baseUrl))) {
    throw new InputValidationError(
      'plugins.entries.aivideomaker.config.baseUrl',
      `${String(baseUrl)} is not an http(s) URL`,
    );
  }
  return {
    baseUrl: baseUrl as string | undefined,
    maxCredits: positiveInteger('maxCredits', config.maxCredits),
    timeoutMs: positiveInteger('timeoutMs', config.timeoutMs),
  };
}
