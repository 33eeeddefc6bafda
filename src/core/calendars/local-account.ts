import type { Account } from '../model/account';
import { LOCAL_ACCOUNT_ID } from '../model/ids';

/** The built-in account of calendars that live only on this device. */
export function localAccount(now: number): Account {
  return { id: LOCAL_ACCOUNT_ID, kind: 'local', name: 'Local', createdAt: now };
}
