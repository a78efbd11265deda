// Builds the MCP bundle (.mcpb) for one-click install in Claude Desktop: manifest.json plus the server
// bundled into one file with every dependency, so the host needs only its own Node. The tool list in the
// manifest comes from core's specs. Output: mcpb/ (the unpacked bundle) and mcpb/aivideomaker.mcpb.
// Run: pnpm --filter @aivideomaker/mcp build:mcpb (after `pnpm build` of core).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createVideoToolSpecs } from '@aivideomaker/core/tools';
import { build } from 'tsdown';
import { DEFAULT_WAIT_SECONDS } from '../src/options.ts';
import { zip } from './zip.ts';

const root = join(import.meta.dirname, '..');
const out = join(root, 'mcpb');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
  description: string;
  license: string;
  keywords: string[];
};

/** A placeholder the host fills in, e.g. ${__dirname} or ${user_config.api_key}. */
const ref = (name: string) => `\${${name}}`;

rmSync(out, { recursive: true, force: true });
await build({
  config: false,
  entry: { index: join(root, 'src/bin.ts') },
  outDir: join(out, 'server'),
  format: 'esm',
  platform: 'node',
  target: 'node22',
  dts: false,
  sourcemap: false,
  clean: false,
  publint: false,
  attw: false,
  logLevel: 'warn',
  deps: { alwaysBundle: [/.*/], onlyBundle: false },
});

const manifest = {
  manifest_version: '0.3',
  name: 'aivideomaker',
  display_name: 'AI Video Maker',
  version: pkg.version,
  description: pkg.description,
  long_description:
    'Create videos from text or images with AI Video Maker. Generation costs credits (estimate_video_credits is free) and takes minutes: a generation call waits a bounded time, reporting progress, then returns the task id; get_video_task collects the video. Video URLs expire after about 24 hours.',
  author: { name: 'AI Video Maker', url: 'https://aivideomaker.ai' },
  homepage: 'https://aivideomaker.ai',
  repository: { type: 'git', url: 'https://github.com/aivideomaker/aivideomaker-agents.git' },
  license: pkg.license,
  keywords: pkg.keywords,
  server: {
    type: 'node',
    entry_point: 'server/index.mjs',
    mcp_config: {
      command: 'node',
      args: [
        `${ref('__dirname')}/server/index.mjs`,
        '--wait',
        ref('user_config.wait_seconds'),
        '--max-credits-per-call',
        ref('user_config.max_credits_per_call'),
        '--max-credits-total',
        ref('user_config.max_credits_total'),
      ],
      env: { AIVIDEOMAKER_API_KEY: ref('user_config.api_key') },
    },
  },
  tools: createVideoToolSpecs({ wait: { timeoutMs: DEFAULT_WAIT_SECONDS * 1000 } }).map((spec) => ({
    name: spec.name,
    description: spec.description,
  })),
  compatibility: { platforms: ['darwin', 'win32', 'linux'], runtimes: { node: '>=22.13' } },
  user_config: {
    api_key: {
      type: 'string',
      title: 'AI Video Maker API key',
      description: 'From your AI Video Maker account. Kept by Claude Desktop; sent only to the API.',
      sensitive: true,
      required: true,
    },
    wait_seconds: {
      type: 'number',
      title: 'Wait per call (seconds)',
      description: 'How long a call waits for the video before returning the task id to check later.',
      default: DEFAULT_WAIT_SECONDS,
      min: 0,
      max: 55,
    },
    max_credits_per_call: {
      type: 'number',
      title: 'Credit limit per video',
      description: 'Refuse a single video estimated above this many credits (empty: no limit).',
      required: false,
      default: 100,
      min: 0,
    },
    max_credits_total: {
      type: 'number',
      title: 'Credit limit per session',
      description:
        'Refuse new videos once this many credits were spent since the server started (empty: no limit).',
      required: false,
      default: 500,
      min: 0,
    },
  },
};

mkdirSync(out, { recursive: true });
const manifestJson = `${JSON.stringify(manifest, null, 2)}\n`;
writeFileSync(join(out, 'manifest.json'), manifestJson);
// The server entry and the chunks it loads on demand (the local-image reader).
const serverFiles = readdirSync(join(out, 'server')).map((file) => ({
  name: `server/${file}`,
  data: readFileSync(join(out, 'server', file)),
}));
const bundle = zip([{ name: 'manifest.json', data: Buffer.from(manifestJson) }, ...serverFiles]);
writeFileSync(join(out, 'aivideomaker.mcpb'), bundle);
process.stdout.write(`mcpb: ${join(out, 'aivideomaker.mcpb')} (${Math.round(bundle.length / 1024)} kB)\n`);
