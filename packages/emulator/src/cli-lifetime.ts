// How the command-line emulator fits into scripts. A script cannot read the URL with
// `URL=$(aivideomaker-emulator | head -n1)`: the substitution waits until the server exits. So the URL can
// also go to a file (--ready-file), written whole (rename) only once the server listens. And `kill $!`
// on `npx aivideomaker-emulator &` kills npx, not the node process npx started (npx does not pass the
// signal on), so the emulator also stops when the process that started it goes away.
import { renameSync, rmSync, writeFileSync } from 'node:fs';

/** Writes `url` and a newline to `path` atomically; returns a function that removes the file again. */
export function writeReadyFile(path: string, url: string): () => void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${url}\n`);
  renameSync(temporary, path);
  return () => rmSync(path, { force: true });
}

/** Calls `onOrphaned` once the parent process exits (the process is then re-parented). */
export function whenParentExits(onOrphaned: () => void, intervalMs = 250): () => void {
  const parent = process.ppid;
  // The parent may have held our stdout/stderr pipes: writing to them once it is gone must not crash.
  process.stdout.on('error', () => {});
  process.stderr.on('error', () => {});
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onOrphaned();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
