// How far the server's clock is ahead of ours, bounded from below. Reconciliation may adopt only a task
// created after this call's request was sent, in the server's clock: createdAt >= sentAt + offset. Using
// a lower bound of the offset never rejects our own task, and it widens into the past by no more than the
// bound's error (the Date header's 1 s resolution plus one round trip, less as observations accumulate),
// instead of a fixed window of a minute.
export class ServerClock {
  #low = Number.NEGATIVE_INFINITY;
  #high = Number.POSITIVE_INFINITY;

  /**
   * A response's `Date` header (whole seconds, server clock), for a request sent at local time `startedAt`
   * and answered at `answeredAt`: the server stamped it at a moment in between, at or after the header's second.
   */
  observeDate(header: string | null, startedAt: number, answeredAt: number): void {
    const date = header ? Date.parse(header) : Number.NaN;
    if (Number.isNaN(date)) return;
    const low = date - answeredAt;
    const high = date + 1000 - startedAt;
    // Bounds that contradict the ones held mean a clock was set (NTP, a suspended laptop): start over.
    if (low > this.#high || high < this.#low) {
      this.#low = low;
      this.#high = high;
      return;
    }
    this.#low = Math.max(this.#low, low);
    this.#high = Math.min(this.#high, high);
  }

  /**
   * Server clock minus local clock, at least, in ms. 0 when no answer carried a Date header: then our own
   * task may be missed when our clock runs ahead (the safe failure: TaskMayExistError, never a foreign task).
   */
  get offsetLowerBoundMs(): number {
    return Number.isFinite(this.#low) ? this.#low : 0;
  }
}
