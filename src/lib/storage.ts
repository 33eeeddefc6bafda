import { createRoot, createSignal } from 'solid-js';
import { ErrorKind, toAppErrorData, type AppErrorData } from '../core/errors';

const STORAGE_KINDS: ReadonlySet<string> = new Set([ErrorKind.quotaExceeded, ErrorKind.storageUnavailable]);

const store = createRoot(() => {
  const [problem, setProblem] = createSignal<AppErrorData | null>(null);
  return { problem, setProblem };
});

/** The storage trouble the banner shows (null when none). A signal. */
export const storageProblem = store.problem;

/**
 * Reports an error met at run time (a write that failed, an unhandled rejection). Storage errors
 * (quota exceeded, storage unavailable) raise the banner; anything else is not a storage problem and
 * is ignored here. Returns whether the error was a storage problem.
 */
export function reportStorageProblem(error: unknown): boolean {
  const data = toAppErrorData(error);
  if (!STORAGE_KINDS.has(data.kind)) return false;
  store.setProblem(data);
  return true;
}

export function dismissStorageProblem(): void {
  store.setProblem(null);
}

export interface StorageStatus {
  /** null when the browser has no StorageManager (e.g. an insecure context). */
  readonly persisted: boolean | null;
  readonly usage: number | null;
  readonly quota: number | null;
}

function storageManager(): StorageManager | null {
  // `navigator.storage` is missing outside secure contexts although the DOM types say otherwise.
  return typeof navigator !== 'undefined' && 'storage' in navigator ? navigator.storage : null;
}

/** Whether storage is persistent, and how much is used of how much, as the browser reports it. */
export async function readStorageStatus(): Promise<StorageStatus> {
  const manager = storageManager();
  if (!manager) return { persisted: null, usage: null, quota: null };
  const [persisted, estimate] = await Promise.all([
    manager.persisted().catch(() => null),
    manager.estimate().catch((): StorageEstimate => ({})),
  ]);
  return { persisted, usage: estimate.usage ?? null, quota: estimate.quota ?? null };
}

/** Asks the browser not to evict our data under storage pressure. Resolves to whether it agreed. */
export async function requestPersistentStorage(): Promise<boolean> {
  const manager = storageManager();
  if (!manager) return false;
  if (await manager.persisted()) return true;
  return manager.persist();
}
