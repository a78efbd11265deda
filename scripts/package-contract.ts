// Shared test: the publishing contract every @aivideomaker package keeps (scoped name, engines, exports
// that resolve to built files, the same API from ESM and CJS). Each package's test/package.test.ts runs it.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

type ExportTarget = string | { import?: string; require?: string };

export function describePackageContract(packageDir: string): void {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const exportsMap: Record<string, ExportTarget> = manifest.exports ?? {};

  describe(`${manifest.name} package contract`, () => {
    it('has a scoped name, Node >= 22.13 engines, ESM type and no side effects', () => {
      expect(manifest.name).toMatch(/^@aivideomaker\/[a-z-]+$/);
      expect(manifest.engines?.node).toBe('>=22.13');
      expect(manifest.type).toBe('module');
      if (!manifest.private) {
        expect(manifest.sideEffects).toBe(false);
        expect(manifest.files).toContain('dist');
        expect(manifest.license).toBe('MIT');
        expect(manifest.publishConfig?.access).toBe('public');
      }
      expect(existsSync(join(packageDir, 'README.md'))).toBe(true);
    });

    for (const [subpath, target] of Object.entries(exportsMap)) {
      if (typeof target === 'string') continue; // ./package.json and other plain files
      // Loading an entry cold twice (e.g. Mastra's workflow engine) can pass 5 s on a busy machine.
      it(`export "${subpath}" loads the same names from ESM and CJS`, { timeout: 30_000 }, async () => {
        const esmFile = join(packageDir, target.import ?? '');
        const cjsFile = join(packageDir, target.require ?? '');
        expect(existsSync(esmFile), `${esmFile} is built`).toBe(true);
        const esm = await import(pathToFileURL(esmFile).href);
        const esmNames = Object.keys(esm).filter((name) => name !== 'default' && name !== 'module.exports');
        if (target.require) {
          expect(existsSync(cjsFile), `${cjsFile} is built`).toBe(true);
          const cjs = createRequire(import.meta.url)(cjsFile);
          expect(Object.keys(cjs).sort()).toEqual(esmNames.sort());
        }
      });
    }
  });
}
