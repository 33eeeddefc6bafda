import type { Accessor } from 'solid-js';
import { listGraphAccounts } from '../../../core/accounts/graph-account-repo';
import type { GraphAccount } from '../../../core/model/account';
import { db } from '../../../lib/db';
import { createLiveQuery, type LiveResult } from '../../../lib/live-query';

/** The Microsoft 365 accounts, live (a "needs sign-in" set by the worker shows at once). */
export function useGraphAccounts(): Accessor<LiveResult<GraphAccount[]>> {
  return createLiveQuery(() => listGraphAccounts(db));
}
