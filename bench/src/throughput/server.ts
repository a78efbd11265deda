// The emulator under load, in its own process so it has a core to itself: rate limit off, one task to
// query. Takes the API key as its argument, prints `{ url, taskId }` on its first line, then runs until its
// parent ends it.
import { startEmulator } from '@aivideomaker/emulator';

const THROUGHPUT_KEY = process.argv[2] ?? 'bench-throughput';

const emu = await startEmulator({ rateLimit: false, apiKeys: [THROUGHPUT_KEY], quiet: true });
const response = await fetch(`${emu.url}/api/v1/generate/t2v`, {
  method: 'POST',
  headers: { key: THROUGHPUT_KEY, 'content-type': 'application/json' },
  body: JSON.stringify({ prompt: 'A lighthouse at dusk', aspectRatio: '16:9', duration: '5' }),
});
const { taskId } = (await response.json()) as { taskId: string };
process.stdout.write(`${JSON.stringify({ url: emu.url, taskId })}\n`);
process.on('SIGTERM', () => void emu.close().then(() => process.exit(0)));
