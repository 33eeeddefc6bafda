import type { CoreContext } from '../../../src/core/context';
import { createAlmanacDb, type AlmanacDb } from '../../../src/core/db/almanac-db';
import { createCalendar } from '../../../src/core/calendars/calendar-repo';
import type { Account } from '../../../src/core/model/account';
import type { AccountId, CalendarId } from '../../../src/core/model/ids';

/** A fresh database per test, under a unique name. */
export function freshDb(): AlmanacDb {
  return createAlmanacDb(`almanac-test-${crypto.randomUUID()}`);
}

export const ZONE = 'Europe/Zurich';

/** A context whose clock the test can move. */
export interface TestContext extends CoreContext {
  set(iso: string): void;
}

export function testContext(iso: string, viewerZone: string = ZONE): TestContext {
  let now = Date.parse(iso);
  return {
    now: () => now,
    viewerZone,
    set(next: string) {
      now = Date.parse(next);
    },
  };
}

export const at = (iso: string): number => Date.parse(iso);

export interface VeventSpec {
  readonly uid: string;
  readonly summary?: string;
  /** iCalendar date-time in UTC (`20260310T090000Z`) or a date (`20260310`, then all-day). */
  readonly start: string;
  readonly end?: string;
  readonly rrule?: string;
  readonly location?: string;
}

/** A minimal, valid VCALENDAR with one VEVENT. */
export function vevent(spec: VeventSpec): string {
  const allDay = !spec.start.includes('T');
  const prop = (name: string, value: string) => (allDay ? `${name};VALUE=DATE:${value}` : `${name}:${value}`);
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Almanac tests//EN',
    'BEGIN:VEVENT',
    `UID:${spec.uid}`,
    'DTSTAMP:20260101T000000Z',
    prop('DTSTART', spec.start),
    ...(spec.end !== undefined ? [prop('DTEND', spec.end)] : []),
    ...(spec.rrule !== undefined ? [`RRULE:${spec.rrule}`] : []),
    `SUMMARY:${spec.summary ?? spec.uid}`,
    ...(spec.location !== undefined ? [`LOCATION:${spec.location}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

/** `Date` → `20260310T090000Z`. */
export function icsUtc(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export async function localCalendar(db: AlmanacDb, ctx: CoreContext, name = 'Personal'): Promise<CalendarId> {
  return createCalendar(db, { name, color: '#1f6feb' }, ctx);
}

/** A calendar in a CalDAV account: its changes go through the outbox. */
export async function remoteCalendar(db: AlmanacDb, ctx: CoreContext, name = 'Work'): Promise<CalendarId> {
  const account: Account = {
    id: 'caldav-1' as AccountId,
    kind: 'caldav',
    name: 'Server',
    serverUrl: 'https://dav.example.test/',
    username: 'ada',
    provider: 'other',
    syncIntervalMinutes: 2,
    needsPassword: false,
    credential: null,
    createdAt: ctx.now(),
  };
  await db.accounts.put(account);
  return createCalendar(db, { name, color: '#d1242f', accountId: account.id }, ctx);
}

/** Runs `fn` expecting an AppError of `kind`; returns it for further checks. */
export async function expectAppError(
  fn: () => Promise<unknown>,
  kind: string,
): Promise<{ kind: string; detail?: string }> {
  try {
    await fn();
  } catch (error) {
    const data = error as { kind?: unknown; detail?: string };
    if (data.kind !== kind) throw error;
    return data as { kind: string; detail?: string };
  }
  throw new Error(`expected an AppError '${kind}', nothing was thrown`);
}

/** Everything in the tables a calendar's data lives in, for "nothing changed" checks. */
export async function snapshot(db: AlmanacDb): Promise<unknown> {
  return {
    events: await db.events.toArray(),
    occurrences: await db.occurrences.toArray(),
    outbox: await db.outbox.toArray(),
    calendars: await db.calendars.toArray(),
  };
}
