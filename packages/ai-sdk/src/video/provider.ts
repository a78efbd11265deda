// createAIVideoMaker: the AI SDK provider. `aivideomaker.video('t2v')` (or `.videoModel`, the SDK's
// conventional name) gives a video model for experimental_generateVideo / experimental_startVideo /
// experimental_getVideoStatus, for every model in core's table.
import type { Experimental_VideoModelV4 as VideoModelV4 } from '@ai-sdk/provider';
import { type AIVideoMaker, InputValidationError, MODEL_NAMES, type ModelName } from '@aivideomaker/core';
import { createProviderContext } from './context';
import { AIVideoMakerVideoModel } from './model';

export interface AIVideoMakerProviderOptions {
  /** The client to use (its rate limiter and watcher serve every model of this provider). */
  client?: AIVideoMaker;
  /** Without `client`: the API key (default: AIVIDEOMAKER_API_KEY), read on the first request. */
  apiKey?: string;
  /** Without `client`: the API origin (default: AIVIDEOMAKER_BASE_URL, else https://aivideomaker.ai). */
  baseUrl?: string;
  /**
   * Refuse a call before any request when its video would cost more credits than this. A call's own
   * `providerOptions.aivideomaker.maxCredits` can only lower it.
   */
  maxCreditsPerCall?: number;
}

export interface AIVideoMakerProvider {
  /** A video model, for any model of core's `MODEL_NAMES`. */
  video(modelId: ModelName): VideoModelV4;
  /** The same as `video`, under the name AI SDK providers use. */
  videoModel(modelId: ModelName): VideoModelV4;
  readonly specificationVersion: 'v4';
}

export function createAIVideoMaker(options: AIVideoMakerProviderOptions = {}): AIVideoMakerProvider {
  const ctx = createProviderContext(options);
  const video = (modelId: ModelName) => {
    if (!(MODEL_NAMES as readonly unknown[]).includes(modelId)) {
      throw new InputValidationError(
        'modelId',
        `${JSON.stringify(modelId)} is not an AI Video Maker model`,
        MODEL_NAMES,
      );
    }
    return new AIVideoMakerVideoModel(modelId, ctx);
  };
  return { video, videoModel: video, specificationVersion: 'v4' };
}

/** The default provider: key and origin from the environment, read when a model first calls the API. */
export const aivideomaker: AIVideoMakerProvider = createAIVideoMaker();
