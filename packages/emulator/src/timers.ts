// Every timer the emulator starts goes through here: unref'd so a forgotten emulator never keeps a test
// process alive, cleared all at once by close(), and never longer than a Node timer can hold (a longer
// one would fire at once). Options are checked so that no real delay comes near that bound.
import { MAX_TIMER_MS } from './limits';

export class Timers {
  #pending = new Map<ReturnType<typeof setTimeout>, () => void>();
  #closed = false;

  get closed(): boolean {
    return this.#closed;
  }

  /** Runs `fn` after `ms`; does nothing once closed. Returns a function that cancels it. */
  set(fn: () => void, ms: number): () => void {
    if (this.#closed) return () => {};
    const handle = setTimeout(
      () => {
        this.#pending.delete(handle);
        fn();
      },
      Math.min(ms, MAX_TIMER_MS),
    );
    handle.unref();
    this.#pending.set(handle, () => {});
    return () => {
      clearTimeout(handle);
      this.#pending.delete(handle);
    };
  }

  /** Resolves after `ms`, or at once when the emulator closes (so no handler hangs forever). */
  sleep(ms: number): Promise<void> {
    if (this.#closed || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const handle = setTimeout(
        () => {
          this.#pending.delete(handle);
          resolve();
        },
        Math.min(ms, MAX_TIMER_MS),
      );
      handle.unref();
      this.#pending.set(handle, resolve);
    });
  }

  close(): void {
    this.#closed = true;
    for (const [handle, release] of this.#pending) {
      clearTimeout(handle);
      release();
    }
    this.#pending.clear();
  }
}
