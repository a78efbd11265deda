// Runs in a fresh process with its own HOME (OpenClaw keeps its state there): OpenClaw's own
// video-generation runtime, the function behind the video_generate tool, with the plugin loaded from
// its package folder through `plugins.load.paths`. Prints the runtime's result as one JSON line.
// argv[2]: JSON { pluginDir, baseUrl, request }. Plain JavaScript: this OpenClaw subpath ships no types.
import { generateVideo } from 'openclaw/plugin-sdk/video-generation-runtime';

const { pluginDir, baseUrl, request } = JSON.parse(process.argv[2] ?? '{}');
const cfg = {
  plugins: {
    load: { paths: [pluginDir] },
    entries: { aivideomaker: { enabled: true, config: { baseUrl } } },
  },
};
try {
  const result = await generateVideo({ cfg, ...request });
  console.log(
    JSON.stringify({
      ok: true,
      provider: result.provider,
      model: result.model,
      videos: result.videos,
      metadata: result.metadata,
    }),
  );
} catch (error) {
  console.log(JSON.stringify({ ok: false, message: error instanceof Error ? error.message : String(error) }));
}
