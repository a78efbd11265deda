// The web demo as a person uses it: `node src/main.ts --web` in its own process, Debian's Chromium (headless,
// driven by playwright-core) typing a request, approving or denying the spend, and the finished video
// playing in the page. With a sentinel API key it also checks that the key reaches the API and nothing else.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Emulator, startEmulator } from '@aivideomaker/emulator';
import { isMp4, type Served, serve } from '@aivideomaker/test-support';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEnv } from './env.ts';

const DEMO = join(import.meta.dirname, '..');
const CHROMIUM = '/usr/bin/chromium';
const WAIT = { timeout: 60_000 };
const ORDER = ['SUBMITTED', 'PROGRESS', 'COMPLETED'];

type WebDemoProcess = Served & { url: string };

/** Starts the web demo as `pnpm demo --web` does, on a free port, and waits for the URL it prints. */
async function startWebDemo(env: Record<string, string> = {}): Promise<WebDemoProcess> {
  const served = await serve(process.execPath, ['src/main.ts', '--web', '--port', '0'], {
    cwd: DEMO,
    env: demoEnv(env),
    ready: /Web demo: (http:\/\/\S+)/,
  });
  return { ...served, url: served.ready };
}

/** Sends the prompt and waits for the approval prompt of the paid call. */
async function ask(page: Page, text: string): Promise<void> {
  await page.fill('#prompt', text);
  await page.click('#send');
  await page.locator('[data-approve]').last().waitFor(WAIT);
}

/** Approves, then waits until the newest <video> in the chat has a frame to show. */
async function approveAndWatch(page: Page) {
  await page.locator('[data-approve]').last().click();
  await page.waitForFunction(
    () => {
      const videos = document.querySelectorAll<HTMLVideoElement>('#messages video');
      const video = videos[videos.length - 1];
      return video !== undefined && video.readyState >= 2;
    },
    null,
    WAIT,
  );
  return page.evaluate(() => {
    const tools = document.querySelectorAll('#messages .tool');
    const tool = tools[tools.length - 1];
    const video = tool?.querySelector('video');
    return {
      statuses: [...(tool?.querySelectorAll('[data-status]') ?? [])].map((li) =>
        li.getAttribute('data-status'),
      ),
      src: video?.currentSrc ?? '',
      readyState: video?.readyState ?? 0,
      download: tool?.querySelector('a[download]')?.getAttribute('href') ?? '',
      text: tool?.textContent ?? '',
    };
  });
}

describe('web demo in Chromium', () => {
  const KEY = 'fake-key-web-demo-sentinel-7f3a9c';
  let browser: Browser;
  let emulator: Emulator;
  let embedded: WebDemoProcess;
  let keyed: WebDemoProcess;

  // Both demos start at once (each bundles its page): the slow part of this file on a busy machine.
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)`);
    }
    emulator = await startEmulator({ speed: 100, credits: 100, apiKeys: [KEY] });
    // allSettled: whatever started is stopped in afterAll even when something else failed to start.
    const started = await Promise.allSettled([
      chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] }).then((b) => {
        browser = b;
      }),
      startWebDemo().then((w) => {
        embedded = w;
      }),
      startWebDemo({ AIVIDEOMAKER_API_KEY: KEY, AIVIDEOMAKER_BASE_URL: emulator.url }).then((w) => {
        keyed = w;
      }),
    ]);
    for (const result of started) if (result.status === 'rejected') throw result.reason;
  }, 120_000);

  afterAll(async () => {
    await Promise.all([browser?.close(), embedded?.stop(), keyed?.stop()]);
    await emulator?.close();
  });

  it('embedded emulator: the statuses stream in order, the spend is approved, the video plays', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(embedded.url);
      await expect(page.locator('#model').textContent()).resolves.toBe('offline scripted model');
      await expect(page.locator('.labels').textContent()).resolves.toMatch(/it plays a script/);
      await ask(page, 'Make a 5 second video of a paper boat.');
      await expect(page.locator('.approval').last().textContent()).resolves.toMatch(/Costs 5 credits/);

      const result = await approveAndWatch(page);
      expect(result.readyState).toBeGreaterThanOrEqual(2);
      expect(result.src).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\/\w+\.mp4$/);
      expect(result.text).toMatch(/5 credits/);
      // The download link is same-origin (a cross-origin `download` is ignored): the MP4, as an attachment.
      const taskId = /\/files\/(\w+)\.mp4$/.exec(result.src)?.[1];
      expect(result.download).toBe(`/api/download/${taskId}`);
      const saved = await page.request.get(new URL(result.download ?? '', embedded.url).href);
      expect(saved.status()).toBe(200);
      expect(saved.headers()['content-disposition']).toBe(`attachment; filename="${taskId}.mp4"`);
      expect(isMp4(await saved.body())).toBe(true);
      // Each status once, in the task's order, from SUBMITTED to COMPLETED (PROGRESS may be too quick to see).
      expect(result.statuses[0]).toBe('SUBMITTED');
      expect(result.statuses.at(-1)).toBe('COMPLETED');
      const ranks = result.statuses.map((status) => ORDER.indexOf(status ?? ''));
      expect(ranks.every((rank, i) => rank >= 0 && (i === 0 || rank > (ranks[i - 1] ?? -1)))).toBe(true);
      // The agent's answer, then the task in the side list with a player.
      await page.getByText('Here is your video:').waitFor(WAIT);
      await page.locator('#tasks video').first().waitFor(WAIT);
    } finally {
      await page.close();
    }
  }, 120_000);

  describe('real API mode (a sentinel key, pointed at an emulator)', () => {
    it('a denial sends nothing paid; an approval makes the video; the key never reaches the browser', async () => {
      // A phone-sized window: the page must fit it without sideways scrolling.
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const seen: string[] = [];
      const reading: Promise<void>[] = [];
      page.on('console', (message) => seen.push(`console: ${message.text()}`));
      page.on('pageerror', (error) => seen.push(`pageerror: ${error.message}`));
      page.on('request', (request) =>
        seen.push(`request: ${request.url()} ${JSON.stringify(request.headers())}`),
      );
      page.on('response', (response) => {
        reading.push(
          (async () => {
            const headers = JSON.stringify(await response.allHeaders());
            const body = await response.body().then(
              (bytes) => bytes.toString('latin1'),
              () => '', // redirects and aborted media ranges have no body
            );
            seen.push(`response: ${response.url()} ${headers} ${body}`);
          })(),
        );
      });
      try {
        await page.goto(keyed.url);
        await expect(page.locator('#mode').textContent()).resolves.toMatch(/real API/);

        await ask(page, 'A paper boat, please.');
        await page.locator('[data-deny]').last().click();
        await page.getByText('Denied: nothing was sent to AI Video Maker.').waitFor(WAIT);
        await page.getByText('the user denied this call').waitFor(WAIT);
        const generate = (r: { method: string; path: string }) =>
          r.method === 'POST' && r.path.startsWith('/api/v1/generate/');
        expect(emulator.requests.filter(generate)).toEqual([]);
        expect(emulator.ledger.balance(KEY)).toBe(100);

        await ask(page, 'Now make it, please.');
        const result = await approveAndWatch(page);
        expect(result.readyState).toBeGreaterThanOrEqual(2);
        expect(result.statuses.at(-1)).toBe('COMPLETED');
        expect(emulator.requests.filter(generate)).toHaveLength(1);
        expect(emulator.ledger.balance(KEY)).toBe(95);
        await page.locator('#tasks video').first().waitFor(WAIT);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
          true,
        );

        // An API error reads as the tool's one-line message, and nothing is charged.
        emulator.ledger.setBalance(KEY, 0);
        await ask(page, 'One more, please.');
        await page.locator('[data-approve]').last().click();
        await page.locator('#messages .tool .error').last().waitFor(WAIT);
        const error = await page.locator('#messages .tool .error').last().textContent();
        expect(error).toMatch(/^Error \(insufficient_credits\): /);
        expect(emulator.ledger.balance(KEY)).toBe(0);

        // The key went to the API (so this check can fail) and nowhere in the browser.
        expect(emulator.requests.some((r) => r.headers.key === KEY)).toBe(true);
        seen.push(`html: ${await page.content()}`);
        await Promise.all(reading);
        expect(seen.length).toBeGreaterThan(5);
        expect(seen.filter((line) => line.includes(KEY))).toEqual([]);
      } finally {
        await context.close();
      }
    }, 120_000);
  });
});
