/**
 * The "other client": changes made straight on the CalDAV server with plain fetch (no fault layer, no
 * engine), the way another device or a web UI would make them.
 */
import ICAL from 'ical.js';
import { createDavClient, type DavClient } from '../../servers/dav-client';
import type { RunningServer } from '../../servers/running-server';
import { fieldsOf, type ObjectFields } from './ics-fields';

export interface ServerEntry {
  readonly href: string;
  readonly etag: string | null;
  readonly ics: string;
  readonly fields: ObjectFields;
}

const HOUR = 3_600_000;

function utc(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export function serverEventIcs(uid: string, summary: string, startMs: number, recurring: boolean): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Other Client//Convergence//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${utc(startMs)}`,
    `DTSTART:${utc(startMs)}`,
    `DTEND:${utc(startMs + HOUR)}`,
    `SUMMARY:${summary}`,
    'X-OTHER-CLIENT:kept as is',
  ];
  if (recurring) lines.push('RRULE:FREQ=DAILY;COUNT=4');
  lines.push('END:VEVENT');
  if (recurring) {
    const second = startMs + 24 * HOUR;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}`,
      `DTSTAMP:${utc(startMs)}`,
      `RECURRENCE-ID:${utc(second)}`,
      `DTSTART:${utc(second + 2 * HOUR)}`,
      `DTEND:${utc(second + 3 * HOUR)}`,
      `SUMMARY:${summary} (moved once)`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR', '');
  return lines.join('\r\n');
}

function rewrite(ics: string, change: (master: ICAL.Component, vcalendar: ICAL.Component) => void): string {
  const vcalendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  const vevents = vcalendar.getAllSubcomponents('vevent');
  const master = vevents.find((vevent) => !vevent.hasProperty('recurrence-id')) ?? vevents[0];
  if (!master) throw new Error('server object without VEVENT');
  change(master, vcalendar);
  const sequence = Number(master.getFirstPropertyValue('sequence') ?? 0);
  master.updatePropertyWithValue('sequence', sequence + 1);
  return vcalendar.toString();
}

function expectOk(what: string, status: number, text: string): void {
  if (status < 200 || status > 299)
    throw new Error(`server-side ${what} answered ${status}: ${text.slice(0, 200)}`);
}

export function serverSide(server: RunningServer, calendarUrl: string) {
  const dav: DavClient = createDavClient({ auth: server });
  const absolute = (href: string) => new URL(href, calendarUrl).href;

  async function put(entry: ServerEntry, ics: string): Promise<ObjectFields> {
    const result = await dav.put(absolute(entry.href), ics, entry.etag ? { 'If-Match': entry.etag } : {});
    expectOk('PUT', result.status, result.text);
    return fieldsOf(ics);
  }

  return {
    dav,
    async list(): Promise<ServerEntry[]> {
      const objects = await dav.listObjects(calendarUrl);
      return objects.map((object) => ({ ...object, fields: fieldsOf(object.ics) }));
    },
    async create(uid: string, summary: string, startMs: number, recurring: boolean): Promise<ObjectFields> {
      const ics = serverEventIcs(uid, summary, startMs, recurring);
      const result = await dav.put(`${calendarUrl}${encodeURIComponent(uid)}.ics`, ics, {
        'If-None-Match': '*',
      });
      expectOk('create', result.status, result.text);
      return fieldsOf(ics);
    },
    edit: (entry: ServerEntry, summary: string) =>
      put(
        entry,
        rewrite(entry.ics, (master) => {
          master.updatePropertyWithValue('summary', summary);
        }),
      ),
    /** Moves the series; overrides are dropped, as many clients do when a series' time changes. */
    retime: (entry: ServerEntry, startMs: number) =>
      put(
        entry,
        rewrite(entry.ics, (master, vcalendar) => {
          for (const vevent of vcalendar.getAllSubcomponents('vevent')) {
            if (vevent !== master) vcalendar.removeSubcomponent(vevent);
          }
          // New properties, not updated ones: a kept TZID on a UTC value ("TZID=…:…Z") is invalid
          // iCalendar that servers re-serialise differently.
          for (const name of ['duration', 'dtstart', 'dtend']) master.removeAllProperties(name);
          master.addPropertyWithValue('dtstart', ICAL.Time.fromJSDate(new Date(startMs), true));
          master.addPropertyWithValue('dtend', ICAL.Time.fromJSDate(new Date(startMs + HOUR), true));
        }),
      ),
    async delete(entry: ServerEntry): Promise<void> {
      const result = await dav.delete(absolute(entry.href), entry.etag ? { 'If-Match': entry.etag } : {});
      expectOk('DELETE', result.status, result.text);
    },
    /**
     * WebDAV MOVE to a new href in the same calendar: same UID, new identity on the server (docs/sync-rules.md rule 7).
     * Xandikos answers MOVE with 405: there the other client deletes and re-creates, as many do.
     */
    async renameHref(entry: ServerEntry, newName: string): Promise<void> {
      const target = `${calendarUrl}${newName}.ics`;
      const result = await dav.move(absolute(entry.href), target);
      if (result.status !== 405 && result.status !== 501) {
        expectOk('MOVE', result.status, result.text);
        return;
      }
      const removed = await dav.delete(absolute(entry.href), entry.etag ? { 'If-Match': entry.etag } : {});
      expectOk('DELETE (move)', removed.status, removed.text);
      const created = await dav.put(target, entry.ics, { 'If-None-Match': '*' });
      expectOk('PUT (move)', created.status, created.text);
    },
  };
}

export type ServerSide = ReturnType<typeof serverSide>;
