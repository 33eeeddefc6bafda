import { createDavClient, type DavClient } from '../../servers/dav-client';
import { ensureDebianTools } from '../../servers/ensure-packages';
import { startRadicale } from '../../servers/radicale';
import type { RunningServer } from '../../servers/running-server';

/**
 * A real Radicale (tests/servers) with one user and one calendar seeded with a few events, plus the
 * plain DAV client the specs use to act "on the server" (another device's edit) and read its truth.
 */
export interface SeededEvent {
  readonly uid: string;
  readonly summary: string;
  /** `YYYY-MM-DD`; the event runs 09:00–10:00 UTC that day. */
  readonly date: string;
}

export interface SeededCalDav {
  readonly server: RunningServer;
  readonly dav: DavClient;
  readonly calendarName: string;
  readonly calendarUrl: string;
  /** The object's URL: seeded objects live at `<calendar>/<uid>.ics`. */
  objectUrl(uid: string): string;
  /** PUT (unconditional, like another client that just read it) a new version of an event. */
  putEvent(event: SeededEvent, sequence?: number): Promise<void>;
  /** The SUMMARY the server holds now for `uid` (null when the object is gone). */
  summaryOnServer(uid: string): Promise<string | null>;
  stop(): Promise<void>;
}

const compact = (date: string) => date.replaceAll('-', '');

export function eventIcs(event: SeededEvent, sequence = 0): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Almanac e2e//Other client//EN',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    'DTSTAMP:20260101T000000Z',
    `SEQUENCE:${sequence}`,
    `DTSTART:${compact(event.date)}T090000Z`,
    `DTEND:${compact(event.date)}T100000Z`,
    `SUMMARY:${event.summary}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

/** The SUMMARY of an iCalendar text, unfolded and unescaped (RFC 5545 TEXT: `\\,` → `,`). */
export function summaryOf(ics: string): string | null {
  const unfolded = ics.replace(/\r?\n[ \t]/g, '');
  const raw = /^SUMMARY[^:\r\n]*:(.*)$/m.exec(unfolded)?.[1]?.trim();
  return raw === undefined
    ? null
    : raw.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

export async function startSeededRadicale(
  calendarName: string,
  events: readonly SeededEvent[],
): Promise<SeededCalDav> {
  await ensureDebianTools([{ binary: 'radicale', packageName: 'radicale' }]);
  const server = await startRadicale({ username: 'alice', password: 'alice-e2e-password' });
  try {
    const dav = createDavClient({ auth: server });
    const calendarUrl = await server.createCalendar(calendarName);
    const objectUrl = (uid: string) => `${calendarUrl}${encodeURIComponent(uid)}.ics`;
    const putEvent = async (event: SeededEvent, sequence = 0) => {
      const result = await dav.put(objectUrl(event.uid), eventIcs(event, sequence));
      if (result.status >= 300) throw new Error(`PUT ${event.uid} answered ${result.status}`);
    };
    for (const event of events) await putEvent(event);
    return {
      server,
      dav,
      calendarName,
      calendarUrl,
      objectUrl,
      putEvent,
      async summaryOnServer(uid) {
        const result = await dav.get(objectUrl(uid));
        if (result.status === 404) return null;
        if (result.status !== 200) throw new Error(`GET ${uid} answered ${result.status}`);
        return summaryOf(result.text);
      },
      stop: () => server.stop(),
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
