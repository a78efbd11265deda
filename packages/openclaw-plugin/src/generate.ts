// generateVideo: check the request against the model (nothing sent on a refusal), resolve the key through
// OpenClaw's provider auth, ask the price (the server's quote, else core's list price) and hold it to the
// cap, submit through core with an Idempotency-Key and that cap as X-Max-Credits, wait with core's shared
// watcher within the request's time budget, and hand back the hosted URL (OpenClaw delivers a URL even
// when the file is over its 16 MB local cap, and downloads from loopback are refused by its SSRF guard).
import {
  AIVideoMaker,
  type ClientOptions,
  DEFAULT_WAIT_TIMEOUT_MS,
  getVideoUrls,
  MissingApiKeyError,
} from '@aivideomaker/core';
import { newIdempotencyKey } from '@aivideomaker/core/internal';
import type { PluginConfig } from './config';
import { creditCap } from './credit-cap';
import { VideoGenerationFailure } from './failures';
import type { VideoGenerationRequest, VideoGenerationResult } from './openclaw-types';
import { toModelRequest } from './request';

/** Core's one default wait (renders take minutes: a 5 s clip took about 6.5 minutes on the live service). */
export const DEFAULT_TIMEOUT_MS = DEFAULT_WAIT_TIMEOUT_MS;

export interface GenerateDeps {
  config: PluginConfig;
  /** The key from OpenClaw's provider auth, or undefined when none is configured. */
  resolveApiKey(req: VideoGenerationRequest): Promise<string | undefined>;
  /** Extra client options (tests: polling scaled to the emulator's clock). */
  clientOptions?: Omit<ClientOptions, 'apiKey' | 'baseUrl'>;
}

export function createGenerateVideo(deps: GenerateDeps) {
  // One client per key and origin, so concurrent generations share one watcher and one rate limiter.
  const clients = new Map<string, AIVideoMaker>();
  const clientFor = (apiKey: string): AIVideoMaker => {
    const id = `${deps.config.baseUrl ?? ''}\n${apiKey}`;
    let client = clients.get(id);
    if (!client) {
      client = new AIVideoMaker({ ...deps.clientOptions, apiKey, baseUrl: deps.config.baseUrl });
      clients.set(id, client);
    }
    return client;
  };

  return async function generateVideo(req: VideoGenerationRequest): Promise<VideoGenerationResult> {
    const deadline = Date.now() + (req.timeoutMs ?? deps.config.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    let taskId: string | undefined;
    try {
      const { model, input } = await toModelRequest(req);
      const apiKey = await deps.resolveApiKey(req);
      if (!apiKey) throw new MissingApiKeyError();
      const client = clientFor(apiKey);
      const { credits } = await client.quote(model, input);
      const cap = creditCap(model, credits, deps.config.maxCredits);
      // One key for this logical generation: core resends with it only where the server honours keys.
      const submitted = await client.generate(model, input, {
        idempotencyKey: newIdempotencyKey(),
        maxCredits: cap,
      });
      taskId = submitted.taskId;
      const task = await client.tasks.wait(taskId, { timeoutMs: Math.max(1, deadline - Date.now()) });
      const url = getVideoUrls(task)[0];
      if (!url) throw new Error(`task ${task.id} completed without a video URL`);
      return {
        videos: [
          {
            url,
            mimeType: 'video/mp4',
            fileName: `aivideomaker-${model}-${task.id}.mp4`,
            metadata: { taskId: task.id, sourceUrl: url, expires: 'hosted files are kept for 24 hours' },
          },
        ],
        model,
        metadata: { taskId: task.id, status: task.status, credits, maxCredits: cap },
      };
    } catch (error) {
      throw new VideoGenerationFailure(error, taskId);
    }
  };
}
