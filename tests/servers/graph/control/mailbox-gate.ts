/**
 * Outlook's concurrency limit: at most 4 requests in flight per app and mailbox ("Microsoft Graph
 * service-specific throttling limits", Outlook service limits). A request past the limit is refused
 * with 429 `ApplicationThrottled` "Application is over its MailboxConcurrency limit." (the answer
 * seen in the field). `hold()` keeps admitted requests waiting so a test can fill the mailbox's
 * slots deterministically instead of racing timers.
 */
export class MailboxGate {
  limit: number;
  #inFlight = 0;
  #maxInFlight = 0;
  #held: { promise: Promise<void>; release: () => void } | null = null;
  readonly #waiters: { count: number; resolve: () => void }[] = [];

  constructor(limit: number) {
    this.limit = limit;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  get maxInFlight(): number {
    return this.#maxInFlight;
  }

  resetMax(): void {
    this.#maxInFlight = this.#inFlight;
  }

  /** Takes a slot; false when the mailbox already has `limit` requests in flight. */
  tryEnter(): boolean {
    if (this.#inFlight >= this.limit) return false;
    this.#inFlight += 1;
    this.#maxInFlight = Math.max(this.#maxInFlight, this.#inFlight);
    for (const waiter of this.#waiters.filter((w) => this.#inFlight >= w.count)) {
      this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    return true;
  }

  leave(): void {
    this.#inFlight = Math.max(0, this.#inFlight - 1);
  }

  /** Admitted requests wait (holding their slot) until `release()`. */
  hold(): { release: () => void } {
    if (!this.#held) {
      let release: () => void = () => undefined;
      const promise = new Promise<void>((resolve) => {
        release = resolve;
      });
      this.#held = { promise, release };
    }
    const held = this.#held;
    return {
      release: () => {
        if (this.#held === held) this.#held = null;
        held.release();
      },
    };
  }

  /** Resolves once a hold is released (at once when there is none). */
  passHold(): Promise<void> {
    return this.#held?.promise ?? Promise.resolve();
  }

  /** Resolves when at least `count` requests are in flight. */
  whenInFlight(count: number): Promise<void> {
    if (this.#inFlight >= count) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ count, resolve }));
  }
}
