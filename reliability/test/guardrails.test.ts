// Agent guardrails: a tool set's credit budget holds under concurrent calls (directly, under faults and
// inside each framework's parallel tool calls); local image paths outside the allow-list are refused,
// symlinks and `..` included; a 1 GB file is refused by its size without being opened.
import fsp, { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BudgetExceededError } from '@aivideomaker/core';
import { imageFromPath } from '@aivideomaker/core/node';
import { createVideoToolSpecs, type VideoToolSetOptions } from '@aivideomaker/core/tools';
import type { Emulator } from '@aivideomaker/emulator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FRAMEWORKS, RUNNERS } from './support/agents';
import { cli } from './support/cli';
import { KEY } from './support/constants';
import { count } from './support/figures';
import { clientFor, emulator, generatePosts, uniquePrompt } from './support/harness';
import { PNG_BYTES } from './support/inputs';
import { auditLedger } from './support/ledger';
import { expectRejections } from './support/rejections';

const settle = <T>(promises: Promise<T>[]) => Promise.allSettled(promises);
const charged = (emu: Emulator) => auditLedger(emu).charged - auditLedger(emu).refunded;
const tool = (options: VideoToolSetOptions, name = 'text_to_video') =>
  createVideoToolSpecs(options).find((spec) => spec.name === name)!;

describe('a credit budget under concurrent tool calls', () => {
  it('lets exactly as many 5-credit videos through as 25 credits allow, out of 12 at once', async (ctx) => {
    await using emu = await emulator();
    const t2v = tool({ client: clientFor(emu), maxCreditsTotal: 25, wait: false });
    const results = await settle(
      Array.from({ length: 12 }, () => t2v.execute({ prompt: uniquePrompt('budget') })),
    );
    const refused = results.filter((r) => r.status === 'rejected' && r.reason instanceof BudgetExceededError);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect(refused).toHaveLength(7);
    expect(generatePosts(emu)).toHaveLength(5);
    count(ctx, 'Agent guardrails', { cases: 12, overspent: Math.max(0, charged(emu) - 25) });
    expect(charged(emu)).toBe(25);
  });

  it('gives failed videos back to the budget, never more', async (ctx) => {
    await using emu = await emulator();
    const t2v = tool({ client: clientFor(emu), maxCreditsTotal: 10 });
    const failing = await settle(
      [1, 2].map((n) => t2v.execute({ prompt: `${uniquePrompt(`fail ${n}`)} [fail]` })),
    );
    expect(failing.map((r) => r.status === 'fulfilled' && r.value.status)).toEqual(['FAILED', 'FAILED']);
    const next = await settle(
      Array.from({ length: 4 }, () => t2v.execute({ prompt: uniquePrompt('after refund') })),
    );
    expect(next.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    count(ctx, 'Agent guardrails', { cases: 6, overspent: Math.max(0, charged(emu) - 10) });
    expect(charged(emu)).toBe(10);
  });

  it('keeps the credits of a call whose answer was lost booked, so faults cannot overspend', async (ctx) => {
    await using emu = await emulator();
    emu.faults.add({
      kind: 'error-after',
      status: 503,
      times: 3,
      match: { method: 'POST', path: '/api/v1/generate' },
    });
    emu.faults.add({
      kind: 'error-before',
      status: 503,
      times: Infinity,
      match: { method: 'GET', path: /^\/api\/v1\/tasks$/ },
    });
    const t2v = tool({ client: clientFor(emu, { maxRetries: 0 }), maxCreditsTotal: 15, wait: false });
    const results = await settle(
      Array.from({ length: 8 }, () => t2v.execute({ prompt: uniquePrompt('lost') })),
    );
    expect(
      results.filter((r) => r.status === 'rejected' && r.reason instanceof BudgetExceededError),
    ).toHaveLength(5);
    count(ctx, 'Agent guardrails', { cases: 8, faults: 3, overspent: Math.max(0, charged(emu) - 15) });
    expect(charged(emu)).toBeLessThanOrEqual(15);
  });

  it('refuses a single video over maxCreditsPerCall before any paid request', async (ctx) => {
    await using emu = await emulator();
    const t2v = tool({ client: clientFor(emu), maxCreditsPerCall: 50 });
    const error = await t2v
      .execute({ prompt: 'A long one', model: 't2v_v3', duration: '10' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(BudgetExceededError);
    // Only the free price question (the quote) reached the server.
    expect(generatePosts(emu)).toEqual([]);
    count(ctx, 'Agent guardrails', { cases: 1 });
  });

  it.for(FRAMEWORKS)(
    'holds inside the %s agent loop: 6 parallel calls, budget for 2',
    async (framework, ctx) => {
      await using emu = await emulator();
      const calls = Array.from({ length: 6 }, () => ({
        toolName: 'text_to_video',
        input: { prompt: uniquePrompt(`${framework} parallel`) },
      }));
      const { texts } = await RUNNERS[framework](
        { client: clientFor(emu), maxCreditsTotal: 10, wait: false },
        calls,
      );
      expect(texts.filter((text) => text.includes('budget_exceeded'))).toHaveLength(4);
      expect(generatePosts(emu)).toHaveLength(2);
      count(ctx, 'Agent guardrails', { cases: 6, overspent: Math.max(0, charged(emu) - 10) });
      expect(charged(emu)).toBe(10);
    },
  );
});

describe('local image paths', () => {
  let root: string;
  let media: string;
  let big: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'reliability-files-'));
    media = join(root, 'media');
    await mkdir(join(media, 'sub'), { recursive: true });
    await mkdir(join(root, 'media-evil'));
    for (const path of [
      join(media, 'cat.png'),
      join(root, 'secret.png'),
      join(root, 'media-evil', 'cat.png'),
    ]) {
      await writeFile(path, PNG_BYTES);
    }
    await writeFile(join(media, 'notes.txt'), 'not an image');
    await symlink(join(root, 'secret.png'), join(media, 'link-out.png'));
    await symlink(join(media, 'cat.png'), join(media, 'link-in.png'));
    await symlink(root, join(media, 'dirlink'));
    big = join(media, 'big.png');
    await writeFile(big, PNG_BYTES);
    await truncate(big, 1024 ** 3); // 1 GB, sparse: nothing is written
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('are refused outside the allow-list, symlinks and .. included, before any request', async (ctx) => {
    await using emu = await emulator();
    const i2v = tool(
      { client: clientFor(emu), localFiles: { roots: [media] }, wait: false },
      'image_to_video',
    );
    const outside = [
      join(media, '..', 'secret.png'),
      join(root, 'secret.png'),
      join(media, 'link-out.png'),
      join(media, 'dirlink', 'secret.png'),
      join(root, 'media-evil', 'cat.png'),
      '/etc/passwd',
      join(media, 'sub'),
      join(media, 'notes.txt'),
      join(media, 'missing.png'),
      `${join(media, 'cat.png')}\u0000.txt`,
      `file://${join(media, 'cat.png')}`,
    ];
    await expectRejections(
      ctx,
      emu,
      outside.map((image) => ({
        name: image.replace(root, '<tmp>'),
        field: 'Invalid image:',
        refusal: () =>
          i2v.execute({ image }).then(
            () => Promise.reject(new Error('accepted')),
            (e: Error) => e.message,
          ),
      })),
    );
    // Inside the allow-list, directly or through a symlink that stays inside, the image is sent inline.
    for (const image of [join(media, 'cat.png'), join(media, 'link-in.png')]) await i2v.execute({ image });
    const bodies = generatePosts(emu).map((post) => JSON.parse(post.body).image as string);
    expect(bodies).toHaveLength(2);
    expect(bodies.every((image) => image.startsWith('data:image/png;base64,'))).toBe(true);
    count(ctx, 'Agent guardrails', { cases: 2 });
  });

  it('refuses a 1 GB file by its size, without opening it, in the helper, the tool and the CLI', async (ctx) => {
    await using emu = await emulator();
    const opened = vi.spyOn(fsp, 'open');
    syncBuiltinESMExports();
    try {
      const started = performance.now();
      const direct = await imageFromPath(big, { roots: [media] }).catch((e: Error) => e);
      const i2v = tool({ client: clientFor(emu), localFiles: { roots: [media] } }, 'image_to_video');
      const viaTool = await i2v.execute({ image: big }).catch((e: Error) => e);
      const viaCli = await cli(['generate', 'i2v', '--image', big, '--duration', '5'], emu);
      const ms = performance.now() - started;
      for (const error of [direct, viaTool])
        expect((error as Error).message).toMatch(/1073741824 bytes, more than/);
      expect(viaCli.code).toBe(2);
      expect(viaCli.stderr).toMatch(/--image.*1073741824 bytes/);
      expect(opened.mock.calls.filter(([path]) => String(path).includes('big.png'))).toEqual([]);
      expect(emu.requests).toEqual([]);
      // Reading 1 GB takes seconds; three refusals by size take milliseconds.
      expect(ms).toBeLessThan(500);
      count(ctx, 'Agent guardrails', { cases: 3 });
    } finally {
      opened.mockRestore();
      syncBuiltinESMExports();
    }
    // The spy sees opens at all: a small image inside the allow-list is opened once.
    const check = vi.spyOn(fsp, 'open');
    syncBuiltinESMExports();
    try {
      await imageFromPath(join(media, 'cat.png'), { roots: [media] });
      expect(check).toHaveBeenCalledTimes(1);
    } finally {
      check.mockRestore();
      syncBuiltinESMExports();
    }
    expect(emu.tasks(KEY)).toEqual([]);
  });
});
