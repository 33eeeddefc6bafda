/**
 * What the server remembers of delta rounds: each round's pages (fixed when it begins, so its
 * nextLinks are stable and can be retried) and each finished round's sync state (what the client
 * was told: instance id → change key). Both are bounded, oldest first out, like Outlook's "internal
 * delta token cache"; a forgotten state answers `syncStateNotFound` ("Token duration").
 */
import type { EventView } from '../store/event-view';

export type DeltaEntry =
  { readonly kind: 'row'; readonly view: EventView } | { readonly kind: 'removed'; readonly id: string };

export interface DeltaScope {
  readonly calendarId: string;
  /** The delta path the client used, below /v1.0; links repeat it. */
  readonly path: string;
  readonly fromMs: number;
  readonly toMs: number;
}

export interface DeltaRound {
  readonly id: string;
  readonly scope: DeltaScope;
  readonly pages: readonly (readonly DeltaEntry[])[];
  /** What the client knows once it has applied every page. */
  readonly known: ReadonlyMap<string, string>;
  readonly version: number;
  readonly emitted: readonly string[];
  /** The state its deltaLink names, made when the last page is first served. */
  stateId: string | null;
}

export interface DeltaState {
  readonly id: string;
  readonly scope: DeltaScope;
  readonly known: ReadonlyMap<string, string>;
  readonly version: number;
  readonly emitted: readonly string[];
}

export class DeltaMemory {
  readonly #rounds = new Map<string, DeltaRound>();
  readonly #states = new Map<string, DeltaState>();
  #counter = 0;

  constructor(readonly capacity: number) {}

  nextId(prefix: string): string {
    this.#counter += 1;
    return `${prefix}${this.#counter}`;
  }

  addRound(round: DeltaRound): void {
    this.#rounds.set(round.id, round);
    this.#trim(this.#rounds);
  }

  addState(state: DeltaState): void {
    this.#states.set(state.id, state);
    this.#trim(this.#states);
  }

  round(id: string): DeltaRound | undefined {
    return this.#rounds.get(id);
  }

  state(id: string): DeltaState | undefined {
    return this.#states.get(id);
  }

  /** Forgets every round and state: the next token use answers `syncStateNotFound`. */
  forgetAll(): void {
    this.#rounds.clear();
    this.#states.clear();
  }

  #trim(map: Map<string, unknown>): void {
    while (map.size > this.capacity) {
      const oldest = map.keys().next().value;
      if (oldest === undefined) break;
      map.delete(oldest);
    }
  }
}
