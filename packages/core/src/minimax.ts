// The live service's `minimax` model (MiniMax H3, api-live.md): its fields, every rule the vendor
// publishes, and its per-second prices. Note the prompt field is `content` and `duration` is a number.
import { z } from 'zod';
import { requiredPrompt } from './prompt';

export const MINIMAX_DURATION = { min: 5, max: 20, default: 5 } as const;
export const MINIMAX_RESOLUTIONS = ['720p', '1080p'] as const;
export type MinimaxResolution = (typeof MINIMAX_RESOLUTIONS)[number];
export const MINIMAX_TIERS = ['turbo', 'base'] as const;
export type MinimaxTier = (typeof MINIMAX_TIERS)[number];
export const MINIMAX_ASPECT_RATIOS = ['auto', '21:9', '16:9', '4:3', '1:1', '3:4', '9:16'] as const;
export const MINIMAX_DEFAULTS = { resolution: '720p', tier: 'turbo', aspectRatio: '16:9' } as const;
export const MINIMAX_MAX_REFERENCE_IMAGES = 4;
export const MINIMAX_MAX_REFERENCE_AUDIOS = 2;

/** Credits per second of video by resolution and tier (a 5 s 720p turbo clip costs 15). */
export const MINIMAX_CREDITS_PER_SECOND: Record<MinimaxResolution, Record<MinimaxTier, number>> = {
  '720p': { turbo: 3, base: 4 },
  '1080p': { turbo: 4, base: 5 },
};

/** First/last frame and reference images: an https URL or an inline image. */
const imageRef = z
  .string()
  .regex(
    /^(https:\/\/\S+|data:image\/[a-z0-9.+-]+;base64,[A-Za-z0-9+/]+={0,2})$/i,
    'must be an https image URL or a data:image/<type>;base64,<data> URL',
  );
/** Reference video and audio: https URLs only (the API takes no data URI for them). */
const httpsUrl = z
  .string()
  .regex(/^https:\/\/\S+$/i, 'must be an https URL (a data: URI is not accepted here)');
const { min, max } = MINIMAX_DURATION;

export const FRAME_FIELDS = ['imageUrl', 'lastFrameUrl'] as const;
export const REFERENCE_FIELDS = ['referenceImageUrls', 'referenceVideoUrl', 'referenceAudioUrls'] as const;

export const MinimaxInputSchema = z
  .strictObject({
    content: requiredPrompt.describe('Text prompt describing the video (this model names it content)'),
    duration: z
      .number()
      .int(`must be a whole number of seconds from ${min} to ${max}`)
      .min(min, `must be ${min} to ${max} seconds`)
      .max(max, `must be ${min} to ${max} seconds`)
      .optional()
      .describe(`Seconds of video, a whole number ${min} to ${max} (default ${MINIMAX_DURATION.default})`),
    resolution: z.enum(MINIMAX_RESOLUTIONS).optional().describe('Resolution (default 720p)'),
    tier: z.enum(MINIMAX_TIERS).optional().describe('turbo (faster, cheaper) or base (default turbo)'),
    aspectRatio: z.enum(MINIMAX_ASPECT_RATIOS).optional().describe('Aspect ratio (default 16:9)'),
    imageUrl: imageRef.optional().describe('First frame: https image URL or data:image/...;base64,...'),
    lastFrameUrl: imageRef.optional().describe('Last frame: https image URL or data:image/...;base64,...'),
    referenceImageUrls: z
      .array(imageRef)
      .max(MINIMAX_MAX_REFERENCE_IMAGES, `must hold at most ${MINIMAX_MAX_REFERENCE_IMAGES} images`)
      .optional()
      .describe(`Up to ${MINIMAX_MAX_REFERENCE_IMAGES} reference images (https URLs or data:image URLs)`),
    referenceVideoUrl: httpsUrl.optional().describe('One reference video (https URL)'),
    referenceAudioUrls: z
      .array(httpsUrl)
      .max(MINIMAX_MAX_REFERENCE_AUDIOS, `must hold at most ${MINIMAX_MAX_REFERENCE_AUDIOS} URLs`)
      .optional()
      .describe(`Up to ${MINIMAX_MAX_REFERENCE_AUDIOS} reference audio files (https URLs)`),
  })
  .superRefine((input, ctx) => {
    const frame = FRAME_FIELDS.find((field) => input[field] !== undefined);
    const reference = REFERENCE_FIELDS.find((field) => input[field] !== undefined);
    if (frame && reference) {
      ctx.addIssue({
        code: 'custom',
        path: [reference],
        params: { plain: true },
        message: `cannot be combined with ${frame}: frame inputs (${FRAME_FIELDS.join(', ')}) and reference inputs (${REFERENCE_FIELDS.join(', ')}) are mutually exclusive`,
      });
    }
  });

/** Credits of a minimax input, with the vendor's defaults for what is left out. */
export function minimaxPrice(input: { duration?: unknown; resolution?: unknown; tier?: unknown }) {
  const seconds = (input.duration ?? MINIMAX_DURATION.default) as number;
  const resolution = (input.resolution ?? MINIMAX_DEFAULTS.resolution) as MinimaxResolution;
  const tier = (input.tier ?? MINIMAX_DEFAULTS.tier) as MinimaxTier;
  const rate = MINIMAX_CREDITS_PER_SECOND[resolution][tier];
  return { seconds, resolution, tier, rate, credits: seconds * rate };
}
