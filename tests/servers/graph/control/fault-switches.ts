/**
 * The behaviours a test switches on: throttling (whole requests or `$batch` items), delta resets
 * (410 Gone, `syncStateNotFound`), delta oddities the docs warn about (replays, one entity twice in a
 * response, empty pages, cancelled occurrences never announced), latency and the mailbox's
 * concurrency limit; and a plan of faults per request (`plan`, fault-plan.ts: seeded random or
 * scheduled drops, throttling, resets and delta oddities). Everything is off by default, except the
 * concurrency limit of 4.
 */
import type { GraphError } from '../graph-error';
import { InjectedFaults } from './injected-faults';
import { ActiveRule, takeThrottle, type ThrottleRule, type ThrottleTarget } from './throttle-rule';

export interface DeltaBehaviour {
  /** Each round first re-sends the changes the previous round sent ("Replays"). */
  readonly replay: boolean;
  /** Every non-empty page repeats its first row at its end (one entity twice in a response). */
  readonly duplicates: boolean;
  /** Empty pages (with a nextLink) before a round's first row, and the deltaLink on an empty page. */
  readonly emptyPages: number;
  /** A cancelled occurrence is not announced as `@removed` (docs/sync-rules.md rule 42). */
  readonly silentCancellations: boolean;
}

const QUIET: DeltaBehaviour = { replay: false, duplicates: false, emptyPages: 0, silentCancellations: false };

export class FaultSwitches {
  delta: DeltaBehaviour = QUIET;
  /** Added to every request (ms) while it holds its mailbox slot; for benchmarks and concurrency. */
  latencyMs = 0;
  /** Faults per request by plan (random or scheduled), with what was injected. */
  readonly plan = new InjectedFaults();
  readonly #requests: ActiveRule[] = [];
  readonly #batchItems: ActiveRule[] = [];
  #gone = 0;
  #notFound: { times: number; status: number } = { times: 0, status: 400 };

  /** Throttles whole requests (the `$batch` request itself included). */
  throttle(rule: ThrottleRule): void {
    this.#requests.push(new ActiveRule(rule));
  }

  /** Throttles items inside `$batch`: each answers 429 on its own ("Throttling and batching"). */
  throttleBatchItems(rule: ThrottleRule): void {
    this.#batchItems.push(new ActiveRule(rule));
  }

  /** The next `times` delta requests carrying a token answer 410 Gone with `Location`. */
  goneOnNextDelta(times = 1): void {
    this.#gone += times;
  }

  /** The next `times` delta requests carrying a token answer `syncStateNotFound` (400 by default). */
  syncStateNotFoundOnNextDelta(times = 1, status = 400): void {
    this.#notFound = { times: this.#notFound.times + times, status };
  }

  setDelta(behaviour: Partial<DeltaBehaviour>): void {
    this.delta = { ...this.delta, ...behaviour };
  }

  reset(): void {
    this.delta = QUIET;
    this.latencyMs = 0;
    this.#requests.length = 0;
    this.#batchItems.length = 0;
    this.#gone = 0;
    this.#notFound = { times: 0, status: 400 };
    this.plan.reset();
  }

  takeRequestThrottle(target: ThrottleTarget): GraphError | null {
    return takeThrottle(this.#requests, target);
  }

  takeBatchItemThrottle(target: ThrottleTarget): GraphError | null {
    return takeThrottle(this.#batchItems, target);
  }

  /** The reset a token delta request meets now, if one is switched on. */
  takeDeltaReset(): { kind: 'gone' } | { kind: 'syncStateNotFound'; status: number } | null {
    if (this.#gone > 0) {
      this.#gone -= 1;
      return { kind: 'gone' };
    }
    if (this.#notFound.times > 0) {
      this.#notFound = { ...this.#notFound, times: this.#notFound.times - 1 };
      return { kind: 'syncStateNotFound', status: this.#notFound.status };
    }
    return null;
  }
}
