// The live display while waiting or downloading, always on stderr so stdout stays clean for results
// and `--json`. On a terminal: one line redrawn in place (spinner, status, elapsed time). Elsewhere
// (pipes, CI, an agent's exec log): plain lines on each change plus a periodic heartbeat.
import { formatBytes, formatElapsed } from './format';
import type { OutputStream } from './io';

export interface Progress {
  status(status: string): void;
  download(received: number, total?: number): void;
  /** Clears the live line; call before printing anything else to the same stream. */
  stop(): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const REDRAW_MS = 100;
const HEARTBEAT_MS = 30_000;

export function createProgress(
  stream: OutputStream,
  label: string,
  { quiet = false, initial = 'starting' } = {},
): Progress {
  if (quiet) return { status() {}, download() {}, stop() {} };
  return stream.isTTY ? terminalProgress(stream, label, initial) : lineProgress(stream, label);
}

function terminalProgress(stream: OutputStream, label: string, initial: string): Progress {
  const started = Date.now();
  let frame = 0;
  let detail = initial;
  const draw = () => {
    const line = `${FRAMES[frame++ % FRAMES.length]} ${label} · ${detail} · ${formatElapsed(Date.now() - started)}`;
    stream.write(`\r\x1b[2K${line.slice(0, Math.max(20, (stream.columns || 80) - 1))}`);
  };
  const timer = setInterval(draw, REDRAW_MS);
  timer.unref();
  draw();
  return {
    status(status) {
      detail = status;
      draw();
    },
    download(received, total) {
      detail = `downloading ${downloaded(received, total)}`;
    },
    stop() {
      clearInterval(timer);
      stream.write('\r\x1b[2K');
    },
  };
}

function lineProgress(stream: OutputStream, label: string): Progress {
  const started = Date.now();
  let current = '';
  let downloading = false;
  const say = (text: string) => stream.write(`[${formatElapsed(Date.now() - started)}] ${label}: ${text}\n`);
  const heartbeat = setInterval(() => current && say(`still ${current}`), HEARTBEAT_MS);
  heartbeat.unref();
  return {
    status(status) {
      if (status === current) return;
      current = status;
      say(status);
    },
    download(_received, total) {
      if (downloading) return;
      downloading = true;
      say(`downloading${total ? ` ${formatBytes(total)}` : ''}`);
    },
    stop() {
      clearInterval(heartbeat);
    },
  };
}

function downloaded(received: number, total?: number): string {
  if (!total) return formatBytes(received);
  return `${Math.floor((received / total) * 100)}% of ${formatBytes(total)}`;
}
