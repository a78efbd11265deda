// Credit limits of one tool set. reserve() checks and books in one synchronous step, before any request,
// so parallel tool calls can never overspend; credits come back when a task fails, is cancelled, or is
// provably never created. A request that may have reached the server (an abort or a fault after sending)
// keeps its credits booked. serverCap() is what the server is told (X-Max-Credits), so a server whose
// price differs from the one booked refuses rather than overspends.
import { BudgetExceededError } from '../errors';

export interface Reservation {
  credits: number;
  taskId?: string;
  released: boolean;
}

export class CreditBudget {
  readonly #perCall: number | undefined;
  readonly #total: number | undefined;
  #committed = 0;
  readonly #byTask = new Map<string, Reservation>();

  constructor(perCall?: number, total?: number) {
    for (const [name, value] of [
      ['maxCreditsPerCall', perCall],
      ['maxCreditsTotal', total],
    ] as const) {
      if (value !== undefined && !(value >= 0)) throw new RangeError(`${name} must be a number >= 0`);
    }
    this.#perCall = perCall;
    this.#total = total;
  }

  /** Credits booked so far (submitted tasks not refunded, plus calls in flight). */
  get committed(): number {
    return this.#committed;
  }

  /** Throws when booking `credits` now would break a limit; books nothing (reserve() checks again). */
  check(credits: number, what: string): void {
    if (this.#perCall !== undefined && credits > this.#perCall) {
      throw new BudgetExceededError(
        `${what} costs ${credits} credits, more than the ${this.#perCall}-credit limit per call; nothing was submitted. Choose a shorter duration or a cheaper model.`,
        credits,
        this.#perCall,
      );
    }
    if (this.#total !== undefined && this.#committed + credits > this.#total) {
      const left = Math.max(0, this.#total - this.#committed);
      throw new BudgetExceededError(
        `${what} costs ${credits} credits but only ${left} of this session's ${this.#total}-credit budget are left; nothing was submitted.`,
        credits,
        this.#total,
      );
    }
  }

  reserve(credits: number, what: string): Reservation {
    this.check(credits, what);
    this.#committed += credits;
    return { credits, released: false };
  }

  /**
   * X-Max-Credits for a booked call: the smaller of the per-call limit and what the total leaves this call
   * (its own booking plus what is unbooked); undefined when the set has no limit.
   */
  serverCap(reservation: Reservation): number | undefined {
    const left = this.#total === undefined ? undefined : this.#total - this.#committed + reservation.credits;
    const caps = [this.#perCall, left].filter((cap): cap is number => cap !== undefined);
    return caps.length === 0 ? undefined : Math.max(0, Math.floor(Math.min(...caps)));
  }

  /** The server said what it charged: book that instead of the quoted price. */
  settle(reservation: Reservation, credits: number): void {
    if (reservation.released || credits === reservation.credits) return;
    this.#committed += credits - reservation.credits;
    reservation.credits = credits;
  }

  bind(reservation: Reservation, taskId: string): void {
    reservation.taskId = taskId;
    this.#byTask.set(taskId, reservation);
  }

  release(reservation: Reservation | undefined): void {
    if (!reservation || reservation.released) return;
    reservation.released = true;
    this.#committed -= reservation.credits;
    if (reservation.taskId) this.#byTask.delete(reservation.taskId);
  }

  /** A task of this set was refunded (FAILED or cancelled). */
  refund(taskId: string): void {
    this.release(this.#byTask.get(taskId));
  }
}
