/**
 * What the convergence harness takes from the sync engine, in one place: the real
 * `createSyncEngine` (workers/sync/engine/sync-engine.ts) and a log that keeps every line so a
 * failing case can print the engine's view next to its seed.
 */
import {
  createSyncEngine,
  type SyncEngine,
  type SyncEngineDeps,
} from '../../../workers/sync/engine/sync-engine';

export type { SyncEngine, SyncEngineDeps };
export type PortEngine = Pick<SyncEngine, 'syncCalendar' | 'answerEmptyOnServer'>;
export type CreateSyncEngine = (deps: SyncEngineDeps) => PortEngine;

export interface CollectingLog {
  readonly log: SyncEngineDeps['log'];
  readonly lines: string[];
}

export function loadSyncEngine(): Promise<CreateSyncEngine> {
  return Promise.resolve(createSyncEngine);
}

export function collectingLog(limit = 400): CollectingLog {
  const lines: string[] = [];
  return {
    lines,
    log: (entry) => {
      lines.push(`${entry.level} ${entry.message}`);
      if (lines.length > limit) lines.shift();
    },
  };
}
