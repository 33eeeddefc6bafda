/**
 * Read-only views of the mailbox for assertions, in the JSON a client would get (UTC times, HTML
 * bodies), so a test compares the client's copy with the server's in one shape.
 */
import type { JsonObject } from '../json';
import { eventJson, type ReadPreferences } from '../serialize/event-json';
import { calendarJson } from '../serialize/resource-json';
import { recordView } from '../store/event-view';
import type { MailboxStore } from '../store/mailbox-store';

export interface Inspect {
  calendars(): JsonObject[];
  /** Single events and series masters of a calendar (default: the default calendar). */
  events(calendarId?: string): JsonObject[];
  /** One event, occurrence or exception; null when there is none. */
  event(id: string): JsonObject | null;
  /** What calendarView would list for the window. */
  window(fromMs: number, toMs: number, calendarId?: string): JsonObject[];
  /** The store's change counter (one more per write). */
  version(): number;
}

export function createInspect(store: MailboxStore): Inspect {
  const read = (): ReadPreferences => ({ zone: null, bodyType: null, userMail: store.user.mail });
  const calendarOf = (id?: string) => id ?? store.defaultCalendar().id;
  return {
    calendars: () => [...store.calendars.values()].map(calendarJson),
    events: (calendarId) =>
      [...store.events.values()]
        .filter((record) => record.calendarId === calendarOf(calendarId))
        .map((record) => eventJson(recordView(record), read())),
    event(id) {
      const view = store.view(id);
      return view.ok ? eventJson(view.value, read()) : null;
    },
    window: (fromMs, toMs, calendarId) =>
      store.instancesInWindow(calendarOf(calendarId), fromMs, toMs).map((view) => eventJson(view, read())),
    version: () => store.version,
  };
}
