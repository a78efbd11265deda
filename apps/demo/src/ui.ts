// Terminal output for the demo: headings, live progress and the summary table. On a TTY progress rewrites
// one line and headings are bold; in a log (no TTY, or NO_COLOR) every line is plain text with no escapes.
import type { WriteStream } from 'node:tty';

export interface Ui {
  heading(title: string): void;
  info(line: string): void;
  /** A status that changes in place on a TTY; a plain line per change otherwise. */
  progress(label: string, status: string): void;
  /** Ends the current progress line. */
  done(line: string): void;
  fail(line: string): void;
  table(header: string[], rows: string[][]): void;
}

export function createUi(out: NodeJS.WriteStream | WriteStream = process.stdout): Ui {
  const live = out.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  const style = (code: string, text: string) => (live ? `\x1b[${code}m${text}\x1b[0m` : text);
  let open = false; // a live progress line is on screen
  const started = Date.now();
  const write = (line: string) => {
    if (open) out.write('\r\x1b[2K');
    open = false;
    out.write(`${line}\n`);
  };

  return {
    heading: (title) => write(`\n${style('1;36', `== ${title} ==`)}`),
    info: (line) => write(`  ${line}`),
    progress(label, status) {
      const elapsed = `${((Date.now() - started) / 1000).toFixed(1)}s`;
      const line = `  ${label}: ${status} (${elapsed})`;
      if (!live) return write(line);
      out.write(`\r\x1b[2K${style('33', line)}`);
      open = true;
    },
    done: (line) => write(`  ${style('32', 'ok')} ${line}`),
    fail: (line) => write(`  ${style('31', 'FAILED')} ${line}`),
    table(header, rows) {
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
      const format = (cells: string[]) =>
        cells
          .map((c, i) => c.padEnd(widths[i] ?? 0))
          .join('  ')
          .trimEnd();
      write(style('1', format(header)));
      write(widths.map((w) => '-'.repeat(w)).join('  '));
      for (const row of rows) write(format(row));
    },
  };
}
