// Credits per API key: every key starts at the configured balance; tasks are charged at submit and
// refunded when they end FAILED or CANCEL.
export interface LedgerEntry {
  key: string;
  taskId: string;
  kind: 'charge' | 'refund';
  amount: number;
  /** Epoch milliseconds. */
  at: number;
}

/** What tests may read and set. */
export interface EmulatorLedger {
  balance(key: string): number;
  setBalance(key: string, credits: number): void;
  /** Charges and refunds in the order they happened, for one key or all. */
  entries(key?: string): LedgerEntry[];
}

export class Ledger implements EmulatorLedger {
  readonly #startingBalance: number;
  readonly #balances = new Map<string, number>();
  readonly #entries: LedgerEntry[] = [];

  constructor(startingBalance: number) {
    this.#startingBalance = startingBalance;
  }

  balance(key: string): number {
    return this.#balances.get(key) ?? this.#startingBalance;
  }

  setBalance(key: string, credits: number): void {
    if (!Number.isFinite(credits) || credits < 0) {
      throw new RangeError(`setBalance: credits must be a finite number >= 0 (got ${credits})`);
    }
    this.#balances.set(key, credits);
  }

  entries(key?: string): LedgerEntry[] {
    return this.#entries.filter((entry) => key === undefined || entry.key === key).map((e) => ({ ...e }));
  }

  /** Takes `amount` from the key's balance; false (and nothing taken) when it does not cover it. */
  charge(key: string, taskId: string, amount: number): boolean {
    const balance = this.balance(key);
    if (balance < amount) return false;
    this.#balances.set(key, balance - amount);
    this.#entries.push({ key, taskId, kind: 'charge', amount, at: Date.now() });
    return true;
  }

  refund(key: string, taskId: string, amount: number): void {
    this.#balances.set(key, this.balance(key) + amount);
    this.#entries.push({ key, taskId, kind: 'refund', amount, at: Date.now() });
  }
}
