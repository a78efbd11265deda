// `pnpm demo --web`: the chat page on the embedded emulator (no key; slower than the terminal demo so
// each status can be seen) or on the real API (key set; each paid call asks in the page), until Ctrl+C.
import { openEnvironment } from '../environment.ts';
import { startWebDemo } from './server.ts';

/** Emulated time x20: a 5 s clip takes about 2 s, long enough to watch its statuses go by. */
const WEB_SPEED = 20;

export async function runWebDemo(port: number): Promise<number> {
  const env = await openEnvironment(process.env, WEB_SPEED);
  let web: Awaited<ReturnType<typeof startWebDemo>>;
  try {
    web = await startWebDemo({ env, port });
  } catch (error) {
    await env.close();
    console.error(`web demo: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  console.log(
    env.mode === 'emulator'
      ? 'No AIVIDEOMAKER_API_KEY: videos come from the embedded emulator (free, offline).'
      : 'AIVIDEOMAKER_API_KEY is set: videos come from the real API; the page asks before each paid call.',
  );
  console.log(`Web demo: ${web.url}  (Ctrl+C stops it)`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await web.close();
  await env.close();
  return 0;
}
