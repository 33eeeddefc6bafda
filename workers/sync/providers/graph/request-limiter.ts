/**
 * At most `limit` requests in flight per mailbox: Outlook refuses a fifth with 429 "Application is
 * over its MailboxConcurrency limit." (docs/sync-rules.md rule 47). A small FIFO semaphore: a request
 * takes a slot before it is sent and gives it back once its body is read, and never holds it while
 * it waits to retry.
 */
export interface RequestLimiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Requests in flight now. */
  readonly inFlight: number;
}

export const MAILBOX_CONCURRENCY = 4;

export function createRequestLimiter(limit: number = MAILBOX_CONCURRENCY): RequestLimiter {
  let inFlight = 0;
  const waiting: (() => void)[] = [];

  const acquire = (): Promise<void> => {
    if (inFlight < limit) {
      inFlight += 1;
      return Promise.resolve();
    }
    // The slot is handed over by release(), so inFlight never goes past the limit.
    return new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else inFlight -= 1;
  };

  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      await acquire();
      try {
        return await task();
      } finally {
        release();
      }
    },
    get inFlight() {
      return inFlight;
    },
  };
}
