/**
 * The import screen's data functions (no view code): reading a picked, dropped or handed-over file,
 * the preview against a calendar, applying it, and the export downloads.
 */
import { exportCalendar, exportRange, type ExportedFile } from '../../core/export/export-events';
import { applyImport, type ImportResult } from '../../core/import/apply-import';
import { planImport, type ImportPlan } from '../../core/import/plan-import';
import { readIcsBytes, type IcsFileContent } from '../../core/import/read-ics-file';
import type { CalendarId } from '../../core/model/ids';
import { visibleCalendarIds } from '../../core/calendars/calendar-repo';
import { db, pageContext } from '../../lib/db';
import { readInbox, removeFromInbox, type InboxFile } from '../../core/pwa/import-inbox';
import { download } from './download';

export interface LoadedFile {
  readonly name: string;
  readonly content: IcsFileContent;
  /** The inbox key when the file came from the OS (share, file handler, drop on the agenda). */
  readonly inboxKey: string | null;
}

/** `.ics`, or a calendar MIME type (a shared file may come without a name extension). */
export function looksLikeIcs(file: { readonly name: string; readonly type: string }): boolean {
  return /\.(ics|ical|ifb|icalendar)$/i.test(file.name) || /^text\/calendar\b/i.test(file.type);
}

export async function loadFile(
  file: Blob,
  name: string,
  inboxKey: string | null = null,
): Promise<LoadedFile> {
  // Bytes, not file.text(): a line fold inside a UTF-8 character is mended before decoding.
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { name, content: readIcsBytes(bytes), inboxKey };
}

/** The oldest file waiting in the inbox, or null (no Cache API, or nothing there). */
export async function nextInboxFile(): Promise<InboxFile | null> {
  if (typeof caches === 'undefined') return null;
  const files = await readInbox(caches);
  return files[0] ?? null;
}

export async function discardInboxFile(key: string | null): Promise<void> {
  if (key !== null && typeof caches !== 'undefined') await removeFromInbox(caches, [key]);
}

export function previewImport(content: IcsFileContent, calendarId: CalendarId): Promise<ImportPlan> {
  return planImport(db, content, calendarId);
}

export async function runImport(loaded: LoadedFile, calendarId: CalendarId): Promise<ImportResult> {
  const result = await applyImport(db, { calendarId, entries: loaded.content.entries }, pageContext());
  await discardInboxFile(loaded.inboxKey);
  return result;
}

export async function downloadCalendar(calendarId: CalendarId): Promise<ExportedFile> {
  const file = await exportCalendar(db, calendarId);
  download(file);
  return file;
}

/** Dates are `YYYY-MM-DD` in the viewer's zone; `to` is included. */
export async function downloadRange(from: number, toExclusive: number, label: string): Promise<ExportedFile> {
  const calendarIds = await visibleCalendarIds(db);
  const file = await exportRange(db, { from, to: toExclusive, calendarIds, label });
  download(file);
  return file;
}
