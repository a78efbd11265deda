// Shared by the plugin's tests: temp folders and the real `openclaw` CLI in a temporary HOME; child
// processes with a minimal environment (only PATH, with this Node first so OpenClaw's own `npm`/`node`
// children run on the same Node, plus what a test passes) come from @aivideomaker/test-support.
import { dirname, join } from 'node:path';
import { type Exit, exec } from '@aivideomaker/test-support';

export { type Exit, exec, tempDir } from '@aivideomaker/test-support';

export const PACKAGE_DIR = dirname(import.meta.dirname);
export const BIN_DIR = join(PACKAGE_DIR, 'node_modules', '.bin');

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
/** The OpenClaw CLI and runtime need Node >= 24.16. */
export const OPENCLAW_RUNS = major > 24 || (major === 24 && minor >= 16);

/** The environment of an OpenClaw in `home`: its state there, and npm kept offline (no registry). */
export function openclawEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    HOME: home,
    OPENCLAW_STATE_DIR: join(home, '.openclaw'),
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    ...extra,
  };
}

export function openclaw(home: string, args: string[], env: Record<string, string> = {}): Promise<Exit> {
  return exec(join(BIN_DIR, 'openclaw'), args, openclawEnv(home, env));
}
