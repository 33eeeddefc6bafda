/**
 * One mailbox's calendars and events, and the single write path both the HTTP routes and the tests'
 * control API use, so a test's server-side change is exactly what another client's request would
 * do: every write bumps the change key and `lastModifiedDateTime` and is recorded for delta rounds.
 */
import { GraphErrors, fail, ok, type Result } from '../graph-error';
import type { Occurrence } from '../recurrence/expand-series';
import { makeCalendar, updateCalendar, type CalendarInput } from './calendars';
import { defaultContent, type EventContent } from './event-content';
import { buildDraft } from './event-draft';
import { readEventPatch } from './event-input';
import { exceptionView, findOccurrence, occurrenceView, recordView, type EventView } from './event-view';
import { etagMatches, IdFactory, parseOccurrenceId } from './ids';
import type { CalendarRecord, ChangeEntry, EventRecord, ExceptionRecord, MailboxUser } from './records';
import { cancelInstance, editInstance } from './series-edits';
import { instancesInWindow, seriesInstances } from './window';

export interface StoreOptions {
  readonly user?: Partial<MailboxUser>;
  readonly now: () => number;
  readonly random: () => number;
}

export type Resolved =
  | { readonly kind: 'record'; readonly record: EventRecord }
  | {
      readonly kind: 'instance';
      readonly master: EventRecord;
      readonly originalStartMs: number;
      readonly occurrence: Occurrence | null;
      readonly exception: ExceptionRecord | null;
    };

export class MailboxStore {
  readonly user: MailboxUser;
  readonly ids: IdFactory;
  readonly now: () => number;
  readonly calendars = new Map<string, CalendarRecord>();
  readonly events = new Map<string, EventRecord>();
  readonly changes: ChangeEntry[] = [];
  #version = 0;
  readonly #transactions = new Map<string, string>();

  constructor(options: StoreOptions) {
    this.ids = new IdFactory(options.random);
    this.now = options.now;
    this.user = {
      id: options.user?.id ?? this.ids.guid(),
      displayName: options.user?.displayName ?? 'Adele Vance',
      mail: options.user?.mail ?? 'AdeleV@contoso.com',
      userPrincipalName: options.user?.userPrincipalName ?? options.user?.mail ?? 'AdeleV@contoso.com',
    };
  }

  /** Bumped by every write; delta rounds remember the version they started at. */
  get version(): number {
    return this.#version;
  }

  commit(calendarId: string, ids: readonly string[]): void {
    this.#version += 1;
    for (const id of ids) this.changes.push({ version: this.#version, calendarId, id });
  }

  changeKey(): string {
    return this.ids.changeKey();
  }

  // Calendars

  addCalendar(input: CalendarInput = {}): CalendarRecord {
    const owner = { name: this.user.displayName, address: this.user.mail };
    const calendar = makeCalendar(this.ids, owner, input, this.calendars.size === 0);
    this.calendars.set(calendar.id, calendar);
    return calendar;
  }

  setCalendar(id: string, input: CalendarInput): Result<CalendarRecord> {
    const calendar = this.calendars.get(id);
    if (!calendar) return fail(GraphErrors.itemNotFound());
    const updated = updateCalendar(this.ids, calendar, input);
    this.calendars.set(id, updated);
    return ok(updated);
  }

  /** Removes a calendar and its events (as the user deleting it in Outlook). */
  removeCalendar(id: string): Result<true> {
    if (!this.calendars.delete(id)) return fail(GraphErrors.itemNotFound());
    const gone = [...this.events.values()].filter((record) => record.calendarId === id);
    for (const record of gone) this.events.delete(record.id);
    this.commit(
      id,
      gone.map((record) => record.id),
    );
    return ok(true);
  }

  defaultCalendar(): CalendarRecord {
    const found = [...this.calendars.values()].find((calendar) => calendar.isDefaultCalendar);
    return found ?? this.addCalendar({ isDefaultCalendar: true });
  }

  // Reading

  resolve(id: string): Resolved | null {
    const record = this.events.get(id);
    if (record) return { kind: 'record', record };
    const parsed = parseOccurrenceId(id);
    const master = parsed ? this.events.get(parsed.masterId) : undefined;
    if (!parsed || !master?.recurrence || master.cancelled.has(parsed.originalStartMs)) return null;
    const exception = master.exceptions.get(parsed.originalStartMs) ?? null;
    const occurrence = exception ? null : findOccurrence(master, parsed.originalStartMs);
    if (!exception && !occurrence) return null;
    return { kind: 'instance', master, originalStartMs: parsed.originalStartMs, occurrence, exception };
  }

  view(id: string): Result<EventView> {
    const found = this.resolve(id);
    if (!found) return fail(GraphErrors.itemNotFound());
    if (found.kind === 'record') return ok(recordView(found.record));
    if (found.exception) return ok(exceptionView(found.master, found.exception));
    return found.occurrence
      ? ok(occurrenceView(found.master, found.occurrence))
      : fail(GraphErrors.itemNotFound());
  }

  /** Occurrences and exceptions of a series overlapping [fromMs, toMs) ("List instances"). */
  instancesOf(id: string, fromMs: number, toMs: number): Result<readonly EventView[]> {
    const record = this.events.get(id);
    if (!record) return fail(GraphErrors.itemNotFound());
    return ok(record.recurrence ? seriesInstances(record, fromMs, toMs) : []);
  }

  instancesInWindow(calendarId: string, fromMs: number, toMs: number): EventView[] {
    return instancesInWindow(this.events.values(), calendarId, fromMs, toMs);
  }

  // Writing

  /** POST: a new event, or the one created earlier with the same `transactionId`. */
  createEvent(calendarId: string, body: unknown): Result<{ view: EventView; created: boolean }> {
    const calendar = this.calendars.get(calendarId);
    if (!calendar) return fail(GraphErrors.itemNotFound());
    if (!calendar.canEdit) return fail(GraphErrors.accessDenied());
    const patch = readEventPatch(body);
    if (!patch.ok) return patch;
    const { content: given, recurrence, transactionId } = patch.value;
    const earlier =
      transactionId !== undefined ? this.events.get(this.#transactions.get(transactionId) ?? '') : undefined;
    if (earlier) return ok({ view: recordView(earlier), created: false });
    if (!given.start || !given.end)
      return fail(GraphErrors.invalidRequest('An event needs a start and an end.'));
    const organizer = { name: this.user.displayName, address: this.user.mail };
    const content: EventContent = { ...defaultContent(organizer, given.start, given.end), ...given };
    const id = this.ids.eventId();
    const draft = buildDraft(content, recurrence ?? null, null, false, id.slice(6, 30));
    if (!draft.ok) return draft;
    const now = this.now();
    const record: EventRecord = {
      id,
      calendarId,
      iCalUId: this.ids.iCalUId(now),
      transactionId: transactionId ?? null,
      createdDateTime: now,
      lastModifiedDateTime: now,
      changeKey: this.changeKey(),
      ...draft.value,
      exceptions: new Map(),
      cancelled: new Set(),
    };
    this.events.set(id, record);
    if (transactionId !== undefined) this.#transactions.set(transactionId, id);
    this.commit(calendarId, record.recurrence ? [] : [id]);
    return ok({ view: recordView(record), created: true });
  }

  /** PATCH with optional If-Match (412 `ErrorIrresolvableConflict` when stale). */
  updateEvent(id: string, body: unknown, ifMatch?: string): Result<EventView> {
    const found = this.resolve(id);
    if (!found) return fail(GraphErrors.itemNotFound());
    const target = found.kind === 'record' ? found.record : found.master;
    if (this.calendars.get(target.calendarId)?.canEdit === false) return fail(GraphErrors.accessDenied());
    const current =
      found.kind === 'instance' ? (found.exception?.changeKey ?? found.master.changeKey) : target.changeKey;
    if (ifMatch !== undefined && !etagMatches(ifMatch, current))
      return fail(GraphErrors.irresolvableConflict());
    const patch = readEventPatch(body);
    if (!patch.ok) return patch;
    if (found.kind === 'instance')
      return editInstance(this, found.master, found.originalStartMs, patch.value, found);
    const record = found.record;
    if (patch.value.transactionId !== undefined && patch.value.transactionId !== record.transactionId) {
      return fail(GraphErrors.invalidRequest('The transactionId of an event cannot be changed.'));
    }
    const content = { ...record.content, ...patch.value.content };
    const draft = buildDraft(
      content,
      patch.value.recurrence,
      record.recurrence,
      record.content.onlineMeeting !== null,
      id.slice(6, 30),
    );
    if (!draft.ok) return draft;
    const reshaped =
      patch.value.recurrence !== undefined ||
      draft.value.timing.startMs !== record.timing.startMs ||
      draft.value.timing.endMs !== record.timing.endMs;
    if (reshaped) {
      // Outlook drops a series' exceptions when its pattern or times change.
      record.exceptions.clear();
      record.cancelled.clear();
    }
    Object.assign(record, draft.value, { changeKey: this.changeKey(), lastModifiedDateTime: this.now() });
    this.commit(record.calendarId, record.recurrence ? [] : [id]);
    return ok(recordView(record));
  }

  /** DELETE with optional If-Match: a single event or a whole series goes; an instance is cancelled. */
  deleteEvent(id: string, ifMatch?: string): Result<true> {
    const found = this.resolve(id);
    if (!found) return fail(GraphErrors.itemNotFound());
    const target = found.kind === 'record' ? found.record : found.master;
    if (this.calendars.get(target.calendarId)?.canEdit === false) return fail(GraphErrors.accessDenied());
    const current =
      found.kind === 'instance' ? (found.exception?.changeKey ?? found.master.changeKey) : target.changeKey;
    if (ifMatch !== undefined && !etagMatches(ifMatch, current))
      return fail(GraphErrors.irresolvableConflict());
    if (found.kind === 'instance') {
      cancelInstance(this, found.master, found.originalStartMs);
      return ok(true);
    }
    this.events.delete(id);
    this.commit(target.calendarId, target.recurrence ? [] : [id]);
    return ok(true);
  }

  changedSince(version: number, calendarId: string): ChangeEntry[] {
    return this.changes.filter((entry) => entry.version > version && entry.calendarId === calendarId);
  }
}
