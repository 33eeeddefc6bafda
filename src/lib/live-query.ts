import { liveQuery } from 'dexie';
import { createSignal, onCleanup, type Accessor } from 'solid-js';

export type LiveResult<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly value: T }
  | { readonly state: 'error'; readonly error: unknown };

/**
 * Subscribes to a Dexie query and re-runs it whenever the tables it read change, in this tab, another
 * tab or a worker. `deps` is read inside the tracking scope, so the query re-subscribes when the
 * signals it reads change. The subscription ends with the owner (onCleanup).
 */
export function createLiveQuery<T>(query: () => Promise<T> | T): Accessor<LiveResult<T>> {
  const [result, setResult] = createSignal<LiveResult<T>>({ state: 'loading' });
  const subscription = liveQuery(query).subscribe({
    next: (value) => setResult({ state: 'ready', value }),
    error: (error: unknown) => setResult({ state: 'error', error }),
  });
  onCleanup(() => {
    subscription.unsubscribe();
  });
  return result;
}
