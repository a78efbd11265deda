// Where the demo's videos come from: the real API when AIVIDEOMAKER_API_KEY is set, otherwise the
// emulator started in-process with time compressed, so every scenario finishes in seconds for free.
import { AIVideoMaker, type ClientOptions } from '@aivideomaker/core';
import { startEmulator } from '@aivideomaker/emulator';

/** Emulated time runs this many times faster: a 5 s clip takes ~0.4 s instead of ~40 s. */
export const DEMO_SPEED = 100;
const DEMO_KEY = 'demo-key';
const DEMO_CREDITS = 2000;

export interface DemoEnvironment {
  mode: 'emulator' | 'real API';
  apiKey: string;
  baseUrl: string;
  /** Client options every scenario uses (rate limit and polling scaled to the emulator's clock). */
  clientOptions: ClientOptions;
  createClient(): AIVideoMaker;
  /** The emulator's ledger balance; the real API has no balance endpoint. */
  balance(): number | undefined;
  close(): Promise<void>;
}

export async function openEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  speed = DEMO_SPEED,
): Promise<DemoEnvironment> {
  const apiKey = env.AIVIDEOMAKER_API_KEY?.trim();
  if (apiKey) {
    const clientOptions: ClientOptions = { apiKey, baseUrl: env.AIVIDEOMAKER_BASE_URL };
    const client = new AIVideoMaker(clientOptions);
    return {
      mode: 'real API',
      apiKey,
      baseUrl: client.baseUrl,
      clientOptions,
      createClient: () => new AIVideoMaker(clientOptions),
      balance: () => undefined,
      close: async () => {},
    };
  }
  const emulator = await startEmulator({ speed, credits: DEMO_CREDITS });
  const clientOptions: ClientOptions = {
    apiKey: DEMO_KEY,
    baseUrl: emulator.url,
    rateLimit: { limit: 60, windowMs: 60_000 / speed },
    poll: { minIntervalMs: 50, maxIntervalMs: 250 },
  };
  return {
    mode: 'emulator',
    apiKey: DEMO_KEY,
    baseUrl: emulator.url,
    clientOptions,
    createClient: () => new AIVideoMaker(clientOptions),
    balance: () => emulator.ledger.balance(DEMO_KEY),
    close: () => emulator.close(),
  };
}
