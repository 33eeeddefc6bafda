/**
 * Why an entry of an .ics file cannot be imported, as data the page turns into plain words in the
 * user's language. Built from the `malformed-ics` errors of the ical.js-based splitter and reader.
 */
import type { AppErrorData } from '../errors';

export const ImportProblemKind = {
  /** A component starts (BEGIN:VEVENT) but never ends: the file is cut or two entries run together. */
  unterminated: 'unterminated',
  /** The entry has no start (DTSTART). */
  noStart: 'no-start',
  /** A date, time, duration or repeat rule cannot be read. */
  badValue: 'bad-value',
  /** The file holds no event at all. */
  noEvents: 'no-events',
  /** The same event appears more than once in the file: the last copy is used. */
  duplicate: 'duplicate',
  /** Anything else the iCalendar reader refused. */
  unreadable: 'unreadable',
} as const;
export type ImportProblemKind = (typeof ImportProblemKind)[keyof typeof ImportProblemKind];

export interface ImportProblem {
  readonly kind: ImportProblemKind;
  /** The entry's title when it has one, else its UID, else null. */
  readonly entry: string | null;
  /** 1-based line in the file, when known. */
  readonly line: number | null;
  /** The property at fault (`DTSTART`), for bad values. */
  readonly property: string | null;
  /** The reader's own message, for a "details" disclosure. */
  readonly detail: string;
  /** False for notes that do not stop the entry (duplicates). */
  readonly skipped: boolean;
}

function kindOf(message: string): { kind: ImportProblemKind; property: string | null } {
  if (/has no END:|did not end|cut short/i.test(message)) return { kind: 'unterminated', property: null };
  if (/has no DTSTART/i.test(message)) return { kind: 'no-start', property: 'DTSTART' };
  if (/No VEVENT/i.test(message)) return { kind: 'no-events', property: null };
  const value = /([A-Z][A-Z-]*): invalid value/.exec(message);
  if (value?.[1] !== undefined) return { kind: 'bad-value', property: value[1] };
  return { kind: 'unreadable', property: null };
}

/** `SUMMARY:Team lunch` → `Team lunch`; other text is kept as it is. */
function entryName(detail: string | undefined): string | null {
  if (detail === undefined || detail === '') return null;
  const match = /^SUMMARY[^:]*:(.*)$/i.exec(detail);
  return (match?.[1] ?? detail).replace(/\\([,;\\])/g, '$1').trim() || null;
}

/** One splitter or reader error → a problem the preview can show for its entry. */
export function problemFromError(error: AppErrorData, entry: string | null = null): ImportProblem {
  const { kind, property } = kindOf(error.message);
  const line = /^Line (\d+)/.exec(error.message)?.[1];
  return {
    kind,
    entry: entry ?? entryName(error.detail),
    line: line === undefined ? null : Number(line),
    property,
    detail: error.message,
    skipped: true,
  };
}
