import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it('runs and says honestly what it does', () => {
  const out = execFileSync(process.execPath, [join(import.meta.dirname, '../src/main.ts')], {
    encoding: 'utf8',
  });
  expect(out).toContain('AI Video Maker demo');
});
