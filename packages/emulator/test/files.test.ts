import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../src/index';
import { IMAGE, submit, t2v, useEmulator, videoUrlOf, waitForStatus } from './helpers';

const start = useEmulator();
const asset = (name: string) => readFileSync(join(import.meta.dirname, '..', 'assets', name));

async function completedVideoUrl(
  emu: Emulator,
  model: string,
  body: Record<string, unknown>,
): Promise<string> {
  const { taskId } = await submit(emu, model, body);
  const task = await waitForStatus(emu, taskId, 'COMPLETED');
  return videoUrlOf(task.output);
}

const isMp4 = (bytes: Buffer) => bytes.subarray(4, 8).toString('latin1') === 'ftyp';

describe('video files', () => {
  it('serves a real MP4 per aspect ratio with content-type, content-length and accept-ranges', async () => {
    const emu = await start();
    const cases: [string, Record<string, unknown>, string][] = [
      ['t2v', t2v({ aspectRatio: '16:9' }), 'video-16x9.mp4'],
      ['t2v_v3', t2v({ aspectRatio: '9:16' }), 'video-9x16.mp4'],
      ['t2v', t2v({ aspectRatio: '1:1' }), 'video-1x1.mp4'],
      ['i2v', { image: IMAGE, duration: '5' }, 'video-16x9.mp4'],
      ['lv', { image: IMAGE, prompt: ['a'] }, 'video-16x9.mp4'],
    ];
    for (const [model, body, file] of cases) {
      const response = await fetch(await completedVideoUrl(emu, model, body));
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('video/mp4');
      expect(response.headers.get('accept-ranges')).toBe('bytes');
      expect(Number(response.headers.get('content-length'))).toBe(bytes.length);
      expect(isMp4(bytes)).toBe(true);
      expect(bytes.equals(asset(file)), `${model} -> ${file}`).toBe(true);
    }
  });

  it('answers byte ranges with 206 and Content-Range, and 416 past the end', async () => {
    const emu = await start();
    const url = await completedVideoUrl(emu, 't2v', t2v());
    const whole = asset('video-16x9.mp4');
    const first = await fetch(url, { headers: { range: 'bytes=0-7' } });
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe(`bytes 0-7/${whole.length}`);
    expect(first.headers.get('content-length')).toBe('8');
    const head = Buffer.from(await first.arrayBuffer());
    expect(isMp4(head)).toBe(true);
    const tail = await fetch(url, { headers: { range: 'bytes=-100' } });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(whole.subarray(whole.length - 100))).toBe(true);
    const open = await fetch(url, { headers: { range: `bytes=${whole.length - 10}-` } });
    expect(open.headers.get('content-range')).toBe(
      `bytes ${whole.length - 10}-${whole.length - 1}/${whole.length}`,
    );
    await open.arrayBuffer();
    const past = await fetch(url, { headers: { range: `bytes=${whole.length}-` } });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${whole.length}`);
    await past.arrayBuffer();
  });

  it('answers HEAD with the headers only, and needs no API key', async () => {
    const emu = await start();
    const url = await completedVideoUrl(emu, 't2v', t2v({ aspectRatio: '1:1' }));
    const response = await fetch(url, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBe(asset('video-1x1.mp4').length);
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it('has no file for an unknown or unfinished task', async () => {
    const emu = await start({ speed: 1 });
    const { taskId } = await submit(emu, 't2v', t2v());
    for (const id of [taskId, 'ckunknown']) {
      const response = await fetch(`${emu.url}/files/${id}.mp4`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        status: 'FAILED',
        errorCode: 'NOT_FOUND',
        message: `No video for task ${id}`,
      });
    }
  });

  it('answers 500 naming the folder when the assets are missing', async () => {
    const emu = await start({ assetsDir: '/nonexistent-assets' });
    const response = await fetch(await completedVideoUrl(emu, 't2v', t2v()));
    expect(response.status).toBe(500);
    expect((await response.json()).message).toMatch(/video-16x9\.mp4 is missing from \/nonexistent-assets/);
  });
});
