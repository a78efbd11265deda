// `providerOptions.aivideomaker`: what the SDK's own call options do not cover. Checked before any request,
// with core's schema for the segment prompts and core's error (field path and allowed values).
import { InputValidationError } from '@aivideomaker/core';
import { LVInputSchema } from '@aivideomaker/core/internal';
import { z } from 'zod';

const PREFIX = 'providerOptions.aivideomaker';

export const aivideomakerVideoOptionsSchema = z.strictObject({
  /** Long video (`lv`): one prompt per 5-second segment, 1 to 6. Replaces the call's text prompt. */
  prompts: LVInputSchema.shape.prompt.optional(),
  /**
   * Added to the webhook URL as `?token=` so your receiver (core's `createWebhookHandler({ token })`) can
   * refuse deliveries that do not carry it.
   */
  webhookToken: z.string().min(1).optional(),
  /** Refuse this call before any request when the video would cost more credits than this. */
  maxCredits: z.number().min(0).optional(),
  /** For models with named sizes (e.g. "720p", "1080p"); checked against the model's schema. */
  resolution: z.string().optional(),
  /** For models with a quality tier (e.g. "turbo", "base"); checked against the model's schema. */
  tier: z.string().optional(),
});

/** The AI Video Maker options of one call: `providerOptions: { aivideomaker: { ... } satisfies AIVideoMakerVideoOptions }`. */
export type AIVideoMakerVideoOptions = z.infer<typeof aivideomakerVideoOptionsSchema>;

export function parseVideoOptions(
  providerOptions: Record<string, unknown> | undefined,
): AIVideoMakerVideoOptions {
  const raw = providerOptions?.aivideomaker;
  if (raw === undefined) return {};
  const parsed = aivideomakerVideoOptionsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0] as z.core.$ZodIssue;
  if (issue.code === 'unrecognized_keys') {
    const known = Object.keys(aivideomakerVideoOptionsSchema.shape);
    throw new InputValidationError(`${PREFIX}.${issue.keys[0]}`, 'is not an AI Video Maker option', known);
  }
  const field = [PREFIX, ...issue.path.map(String)].join('.');
  throw new InputValidationError(field, issue.message);
}
