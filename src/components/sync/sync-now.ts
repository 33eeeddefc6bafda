import { createSignal, type Accessor } from 'solid-js';
import type { SyncTarget } from '../../core/sync/sync-api';
import { syncApi } from '../../lib/sync-client';

/**
 * A "Sync now" / "Retry" action: asks the worker (reason 'user', which skips any backoff) and is
 * pending until the sync ends. Outcomes show through the live status, so nothing else is returned.
 */
export function createSyncNow(target: () => SyncTarget): { pending: Accessor<boolean>; run: () => void } {
  const [pending, setPending] = createSignal(false);
  const run = (): void => {
    if (pending()) return;
    setPending(true);
    syncApi
      .syncNow(target(), 'user')
      .catch(() => undefined) // the worker failed to start; the status stays as it was and the button is free again
      .finally(() => {
        setPending(false);
      });
  };
  return { pending, run };
}
