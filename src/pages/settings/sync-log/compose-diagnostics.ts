import type { Account } from '../../../core/model/account';
import type { Calendar } from '../../../core/model/calendar';
import type { CalendarId } from '../../../core/model/ids';
import type { SyncLogLine } from '../../../core/model/sync-log-line';
import type { CalendarSyncState, SyncStatus } from '../../../core/model/sync-state';
import { redactLogText } from '../../../core/sync/log-redaction';
import type { DiagnosticsSnapshot } from './diagnostics-snapshot';

/** What the page knows about where it runs. */
export interface DiagnosticsEnv {
  readonly appVersion: string;
  readonly userAgent: string;
  readonly language: string;
  readonly now: number;
}

/*
 * The text is for a bug report, in English (whoever reads it), one fact a line. What it leaves out:
 * passwords and usernames (never read), sync tokens and ctags (present or not: a token may embed
 * account details and the value helps nobody reading a report), server paths beyond the origin in
 * account lines, and the outbox's changes (counted only). What it keeps on purpose: the raw text of
 * set-aside objects, the user's own data that a bug report about them needs; the section says so.
 */

const ERROR_CHARS = 300;
const iso = (ms: number | null): string => (ms === null ? 'never' : new Date(ms).toISOString());
const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

function origin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(not a URL)';
  }
}

function status(value: SyncStatus | undefined): string {
  if (value === undefined) return 'not synced yet';
  switch (value.phase) {
    case 'idle':
      return `idle; last synced ${iso(value.lastOkAt)}`;
    case 'syncing':
      return `syncing since ${iso(value.startedAt)}; ${value.done} of ${value.total ?? 'unknown'}`;
    case 'failed': {
      const { error } = value;
      const detail = error.detail === undefined ? '' : ` [${redactLogText(error.detail, ERROR_CHARS)}]`;
      return [
        `failed: ${error.kind}${error.retryable ? ' (retryable)' : ''}: ${redactLogText(error.message, ERROR_CHARS)}${detail}`,
        `next try ${value.retryAt === null ? 'not scheduled' : iso(value.retryAt)}`,
        `last synced ${iso(value.lastOkAt)}`,
      ].join('; ');
    }
  }
}

function countBy(ids: readonly CalendarId[]): Map<CalendarId, number> {
  const counts = new Map<CalendarId, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

interface Names {
  calendar(id: CalendarId | null): string;
  where(line: Pick<SyncLogLine, 'accountId' | 'calendarId'>): string;
}

function names(snapshot: DiagnosticsSnapshot): Names {
  const calendars = new Map(snapshot.calendars.map((calendar) => [calendar.id, calendar]));
  const accounts = new Map(snapshot.accounts.map((account) => [account.id, account.name]));
  const calendar = (id: CalendarId | null) => {
    if (id === null) return '';
    const found = calendars.get(id);
    if (!found) return 'a removed calendar';
    return `${accounts.get(found.accountId) ?? 'a removed account'} › ${found.name}`;
  };
  return {
    calendar,
    where: (line) =>
      line.calendarId !== null
        ? calendar(line.calendarId)
        : line.accountId !== null
          ? (accounts.get(line.accountId) ?? 'a removed account')
          : 'sync service',
  };
}

function accountLines(accounts: readonly Account[]): string[] {
  const remote = accounts.flatMap((account) => (account.kind === 'caldav' ? [account] : []));
  if (remote.length === 0) return ['(none)'];
  return remote.map(
    (account) =>
      `- ${account.name}: CalDAV (${account.provider}) at ${origin(account.serverUrl)}; every ${account.syncIntervalMinutes} min; needs password: ${yesNo(account.needsPassword)}`,
  );
}

function calendarLines(snapshot: DiagnosticsSnapshot, named: Names, now: number): string[] {
  const states = new Map<CalendarId, CalendarSyncState>(
    snapshot.syncStates.map((state) => [state.calendarId, state]),
  );
  const outbox = countBy(snapshot.outbox.map((entry) => entry.calendarId));
  const due = countBy(
    snapshot.outbox.filter((entry) => entry.notBefore <= now).map((entry) => entry.calendarId),
  );
  const conflicts = countBy(snapshot.conflictCalendars);
  const setAside = countBy(snapshot.setAside.map((object) => object.calendarId));
  const synced = snapshot.calendars.filter((calendar: Calendar) => calendar.remoteUrl !== null);
  if (synced.length === 0) return ['(none)'];
  return synced.flatMap((calendar) => {
    const state = states.get(calendar.id);
    return [
      `- ${named.calendar(calendar.id)}`,
      `  status: ${status(state?.status)}`,
      `  sync token: ${state?.syncToken ? 'present' : 'none'}; ctag: ${state?.ctag ? 'present' : 'none'}; first listing in progress: ${yesNo(state?.initialSyncInProgress ?? false)}; unconfirmed hrefs: ${state?.createdSinceToken?.length ?? 0}`,
      `  empty on the server, waiting for the user's answer: ${state?.emptyOnServer ? `yes (${state.emptyOnServer.localCount} events here, asked ${iso(state.emptyOnServer.askedAt)})` : 'no'}`,
      `  read-only: ${yesNo(calendar.readOnly)}; changes waiting: ${outbox.get(calendar.id) ?? 0} (due now: ${due.get(calendar.id) ?? 0}); conflict copies: ${conflicts.get(calendar.id) ?? 0}; set aside: ${setAside.get(calendar.id) ?? 0}`,
    ];
  });
}

function logLines(log: readonly SyncLogLine[], named: Names): string[] {
  if (log.length === 0) return ['(empty)'];
  return log.map(
    (line) => `${iso(line.at)} ${line.level.toUpperCase().padEnd(5)} ${named.where(line)}: ${line.message}`,
  );
}

function setAsideLines(snapshot: DiagnosticsSnapshot, named: Names): string[] {
  if (snapshot.setAside.length === 0) return ['(none)'];
  return [...snapshot.setAside]
    .sort((a, b) => b.seenAt - a.seenAt)
    .flatMap((object) => [
      `- ${named.calendar(object.calendarId)}: ${object.href} (etag ${object.etag ?? 'none'}), seen ${iso(object.seenAt)}`,
      `  reason: ${object.reason}`,
      '  ----- raw text (your own calendar data) -----',
      ...object.raw.split(/\r?\n/).map((rawLine) => `  ${rawLine}`),
      '  ----- end of raw text -----',
    ]);
}

/** The one text "Copy diagnostics" puts on the clipboard. */
export function composeDiagnostics(snapshot: DiagnosticsSnapshot, env: DiagnosticsEnv): string {
  const named = names(snapshot);
  const due = snapshot.outbox.filter((entry) => entry.notBefore <= env.now).length;
  const most = snapshot.outbox.reduce((max, entry) => Math.max(max, entry.attempts), 0);
  return [
    'Almanac diagnostics',
    `Created: ${iso(env.now)}`,
    `App version: ${env.appVersion}`,
    `Database schema version: ${snapshot.schemaVersion}`,
    `User agent: ${env.userAgent}`,
    `Language: ${env.language}`,
    '',
    '## Accounts',
    ...accountLines(snapshot.accounts),
    '',
    '## Calendars',
    ...calendarLines(snapshot, named, env.now),
    '',
    '## Totals',
    `Changes waiting to be sent: ${snapshot.outbox.length} (due now: ${due}; most attempts for one: ${most})`,
    `Conflict copies: ${snapshot.conflictCalendars.length}`,
    `Objects set aside: ${snapshot.setAside.length}`,
    '',
    `## Sync log (newest first, ${snapshot.log.length} lines)`,
    ...logLines(snapshot.log, named),
    '',
    `## Objects set aside (${snapshot.setAside.length}): their raw text is the user's own calendar data, copied by them for this report`,
    ...setAsideLines(snapshot, named),
    '',
  ].join('\n');
}
