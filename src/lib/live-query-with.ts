import { liveQuery } from 'dexie';
import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js';
import type { LiveResult } from './live-query';

/**
 * Like `createLiveQuery`, for a query that depends on signals: whenever `deps` changes the Dexie
 * subscription is replaced. The last ready value stays shown while the new one loads, so a query
 * re-run each minute (the dashboard's `now`) does not flash a loading state.
 */
export function createLiveQueryWith<D, T>(
  deps: Accessor<D>,
  query: (deps: D) => Promise<T>,
): Accessor<LiveResult<T>> {
  const [result, setResult] = createSignal<LiveResult<T>>({ state: 'loading' });
  createEffect(() => {
    const current = deps();
    const subscription = liveQuery(() => query(current)).subscribe({
      next: (value) => setResult({ state: 'ready', value }),
      error: (error: unknown) => setResult({ state: 'error', error }),
    });
    onCleanup(() => {
      subscription.unsubscribe();
    });
  });
  return result;
}
