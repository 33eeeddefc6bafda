import type { Accessor } from 'solid-js';
import { listCalDavAccounts } from '../../../core/accounts/account-repo';
import type { CalDavAccount } from '../../../core/model/account';
import { db } from '../../../lib/db';
import { createLiveQuery, type LiveResult } from '../../../lib/live-query';

/** The CalDAV accounts, live: changes from the worker, other tabs and this page show at once. */
export function useCalDavAccounts(): Accessor<LiveResult<CalDavAccount[]>> {
  return createLiveQuery(() => listCalDavAccounts(db));
}
