import type { Accessor } from 'solid-js';
import type { Account, CalDavAccount, GraphAccount } from '../../core/model/account';
import type { Calendar } from '../../core/model/calendar';
import type { ConflictCopy } from '../../core/model/conflict-copy';
import type { AccountId, CalendarId } from '../../core/model/ids';
import type { SetAsideObject } from '../../core/model/set-aside-object';
import type { EmptyOnServerQuestion, SyncStatus } from '../../core/model/sync-state';
import { db } from '../../lib/db';
import { createLiveQueryWith } from '../../lib/live-query-with';
import { createLiveQuery } from '../../lib/live-query';
import { questionOf, waitingCalendars, type WaitingCalendar } from './empty-on-server';

/** An account that syncs with a server: CalDAV, Microsoft 365. */
export type SyncedAccount = CalDavAccount | GraphAccount;

/** What the account waits for from the user before it syncs again, if anything. */
export type WaitsFor = 'password' | 'sign-in' | null;

function syncedAccount(account: Account | undefined): SyncedAccount | null {
  return account?.kind === 'caldav' || account?.kind === 'graph' ? account : null;
}

export function waitsFor(account: SyncedAccount): WaitsFor {
  if (account.kind === 'graph') return account.needsSignIn ? 'sign-in' : null;
  return account.needsPassword ? 'password' : null;
}

/** A synced calendar as its status line needs it. */
export interface CalendarSyncInfo {
  readonly calendar: Calendar;
  readonly account: SyncedAccount;
  /** null until the first sync wrote one. */
  readonly status: SyncStatus | null;
  /** The rule-5 question (docs/sync-rules.md) waiting for the user's answer, or null. */
  readonly emptyOnServer: EmptyOnServerQuestion | null;
}

async function readCalendarSyncInfo(calendarId: CalendarId): Promise<CalendarSyncInfo | null> {
  const calendar = await db.calendars.get(calendarId);
  if (!calendar || calendar.remoteUrl === null) return null;
  const account = syncedAccount(await db.accounts.get(calendar.accountId));
  if (account === null) return null;
  const state = await db.syncState.get(calendarId);
  return { calendar, account, status: state?.status ?? null, emptyOnServer: questionOf(state) };
}

/** The calendar's sync status, live; null for local calendars (they show nothing). */
export function useCalendarSyncInfo(calendarId: Accessor<CalendarId>): Accessor<CalendarSyncInfo | null> {
  const result = createLiveQueryWith(calendarId, readCalendarSyncInfo);
  return () => {
    const current = result();
    return current.state === 'ready' ? current.value : null;
  };
}

export interface AccountSyncInfo {
  readonly account: SyncedAccount;
  readonly calendars: readonly Calendar[];
}

async function readAccountSyncInfo(accountId: AccountId): Promise<AccountSyncInfo | null> {
  const account = syncedAccount(await db.accounts.get(accountId));
  if (account === null) return null;
  const calendars = await db.calendars.where('accountId').equals(accountId).sortBy('order');
  return { account, calendars: calendars.filter((calendar) => calendar.remoteUrl !== null) };
}

export function useAccountSyncInfo(accountId: Accessor<AccountId>): Accessor<AccountSyncInfo | null> {
  const result = createLiveQueryWith(accountId, readAccountSyncInfo);
  return () => {
    const current = result();
    return current.state === 'ready' ? current.value : null;
  };
}

export interface SyncIssues {
  readonly setAside: readonly SetAsideObject[];
  readonly conflicts: readonly (ConflictCopy & { readonly summary: string })[];
  /** Calendar names by id, for "in Work". */
  readonly calendarNames: ReadonlyMap<CalendarId, string>;
  /** Calendars waiting for the rule-5 answer (empty on the server). */
  readonly emptyOnServer: readonly WaitingCalendar[];
}

async function readSyncIssues(): Promise<SyncIssues> {
  const [setAside, conflicts, calendars, states] = await Promise.all([
    db.setAside.toArray(),
    db.conflicts.toArray(),
    db.calendars.toArray(),
    db.syncState.toArray(),
  ]);
  const events = await db.events.bulkGet(conflicts.map((copy) => copy.eventId));
  return {
    setAside: setAside.sort((a, b) => b.seenAt - a.seenAt),
    conflicts: conflicts
      .map((copy, index) => ({ ...copy, summary: events[index]?.summary ?? copy.uid }))
      .sort((a, b) => b.createdAt - a.createdAt),
    calendarNames: new Map(calendars.map((calendar) => [calendar.id, calendar.name])),
    emptyOnServer: waitingCalendars(states, calendars),
  };
}

/** Set-aside objects and conflict copies of every calendar, newest first, and calendars waiting for
 *  the rule-5 answer, live. */
export function useSyncIssues(): Accessor<SyncIssues | null> {
  const result = createLiveQuery(readSyncIssues);
  return () => {
    const current = result();
    return current.state === 'ready' ? current.value : null;
  };
}
