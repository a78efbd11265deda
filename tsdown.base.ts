// The one build config every publishable package extends: ESM + CJS + .d.ts for Node >= 22,
// with publint and attw run on every build at error level, so a broken package never leaves a build.
// No source maps: the output is unminified, readable JS whose stack traces already point at real code,
// and the maps were more than half of every tarball.
import { defineConfig, type UserConfig } from 'tsdown';

export function packageConfig(overrides: UserConfig = {}): UserConfig {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: false,
    clean: true,
    platform: 'node',
    target: 'node22',
    publint: { level: 'suggestion', strict: true },
    attw: { level: 'error', profile: 'node16' },
    ...overrides,
  }) as UserConfig;
}
