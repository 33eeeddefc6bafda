/** Requests counted by kind and status, for tests and benchmarks ("20 changes cost at most 4 requests"). */
import type { RequestKind } from '../http/request-kind';

export interface RequestStatsSnapshot {
  /** HTTP requests received (preflights included; `byKind.preflight` counts them). */
  readonly requests: number;
  readonly byKind: Readonly<Partial<Record<RequestKind, number>>>;
  readonly byStatus: Readonly<Record<string, number>>;
  /** Items inside `$batch` requests, by kind (not counted in `requests`). */
  readonly batchItems: Readonly<Partial<Record<RequestKind, number>>>;
  /** Requests and batch items sent without `Prefer: IdType="ImmutableId"` (preflights aside). */
  readonly withoutImmutableId: number;
  /** Most requests in flight at once for the mailbox since the last reset. */
  readonly maxInFlight: number;
}

export class RequestStats {
  #requests = 0;
  #byKind: Partial<Record<RequestKind, number>> = {};
  #byStatus: Record<string, number> = {};
  #batchItems: Partial<Record<RequestKind, number>> = {};
  #withoutImmutableId = 0;

  record(kind: RequestKind, status: number, immutableId: boolean): void {
    this.#requests += 1;
    this.#byKind[kind] = (this.#byKind[kind] ?? 0) + 1;
    this.#byStatus[String(status)] = (this.#byStatus[String(status)] ?? 0) + 1;
    if (!immutableId && kind !== 'preflight') this.#withoutImmutableId += 1;
  }

  recordBatchItem(kind: RequestKind, immutableId: boolean): void {
    this.#batchItems[kind] = (this.#batchItems[kind] ?? 0) + 1;
    if (!immutableId) this.#withoutImmutableId += 1;
  }

  snapshot(maxInFlight: number): RequestStatsSnapshot {
    return {
      requests: this.#requests,
      byKind: { ...this.#byKind },
      byStatus: { ...this.#byStatus },
      batchItems: { ...this.#batchItems },
      withoutImmutableId: this.#withoutImmutableId,
      maxInFlight,
    };
  }

  reset(): void {
    this.#requests = 0;
    this.#byKind = {};
    this.#byStatus = {};
    this.#batchItems = {};
    this.#withoutImmutableId = 0;
  }
}
