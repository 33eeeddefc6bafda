/**
 * The server's fault plan in use (fault-plan.ts) and what it injected: counts by kind and the last
 * requests with their fault and answer, for a failing test's transcript. Reseeded per test case, so
 * a case replays from its seed.
 */
import { seededRandom } from '../../seeded-random';
import {
  pickGraphFault,
  type GraphFaultKind,
  type GraphFaultPlan,
  type GraphRequestShape,
} from './fault-plan';

export interface InjectedEvent {
  readonly method: string;
  /** Below /v1.0, without the query. */
  readonly path: string;
  readonly fault: GraphFaultKind | null;
  /** The status the client got, or null when the connection was closed instead. */
  readonly status: number | null;
  /** The status the server's handling came to, whether or not the client got it (null: never handled). */
  readonly applied: number | null;
}

export interface InjectedStats {
  readonly faults: Readonly<Partial<Record<GraphFaultKind, number>>>;
  /** The last 100 requests, oldest first. */
  readonly recent: readonly InjectedEvent[];
  /** Requests recorded since the server started (`recent` keeps the last ones). */
  readonly recorded: number;
}

const RECENT = 100;

export class InjectedFaults {
  #plan: GraphFaultPlan = { mode: 'none' };
  #random: () => number = seededRandom(1);
  #index = 0;
  #faults: Partial<Record<GraphFaultKind, number>> = {};
  readonly #recent: InjectedEvent[] = [];
  #recorded = 0;

  /** Replaces the plan; a schedule counts from the next request. */
  setPlan(plan: GraphFaultPlan): void {
    this.#plan = plan;
    this.#index = 0;
  }

  /** The random source of the plan and of Retry-After values. */
  reseed(seed: number): void {
    this.#random = seededRandom(seed);
  }

  random(): number {
    return this.#random();
  }

  pick(request: GraphRequestShape): GraphFaultKind | null {
    return pickGraphFault(this.#plan, request, this.#index++, this.#random);
  }

  record(event: InjectedEvent): void {
    this.#recorded += 1;
    this.#recent.push(event);
    if (this.#recent.length > RECENT) this.#recent.shift();
    if (event.fault !== null) this.#faults[event.fault] = (this.#faults[event.fault] ?? 0) + 1;
  }

  stats(): InjectedStats {
    return { faults: { ...this.#faults }, recent: [...this.#recent], recorded: this.#recorded };
  }

  /** Back to no plan (the counts stay: they cover the server's life). */
  reset(): void {
    this.setPlan({ mode: 'none' });
  }
}
