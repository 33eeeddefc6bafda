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

export function loadSyncEngine(): Promise<CreateSyncEngine> {
  return Promise.resolve(createSyncEngine);
}
