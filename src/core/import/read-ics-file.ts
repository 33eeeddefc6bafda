/**
 * Reads an .ics file (an import or a subscribed feed) into one entry per UID — master, overrides and
 * the VTIMEZONEs they use, grouped by the ical.js-based splitter — plus one problem per broken entry.
 * Every entry is read exactly as storage will read it (zones resolved, values checked), so applying
 * the import cannot fail on an entry the preview accepted.
 */
import ICAL from 'ical.js';
import { isAppError, toAppErrorData } from '../errors';
import { decodeIcalBytes } from '../ical/decode-ical-bytes';
import { parseCalendarObject, splitCalendarObjects } from '../ical/parse';
import { dedupeComponents } from './dedupe-components';
import { ImportProblemKind, problemFromError, type ImportProblem } from './import-problem';

export interface ImportEntry {
  readonly uid: string;
  readonly summary: string;
  /** One VCALENDAR: the raw components of this UID and their VTIMEZONEs. */
  readonly ics: string;
}

export interface IcsFileContent {
  readonly entries: readonly ImportEntry[];
  readonly problems: readonly ImportProblem[];
  /** The file's own name for itself (X-WR-CALNAME), when it gives one. */
  readonly calendarName: string | null;
}

function calendarNameOf(text: string): string | null {
  try {
    const jcal: unknown = ICAL.parse(text);
    const root = new ICAL.Component(
      (Array.isArray(jcal) && Array.isArray(jcal[0]) ? jcal[0] : jcal) as unknown[],
    );
    const name = root.getFirstPropertyValue('x-wr-calname');
    return typeof name === 'string' && name.trim() !== '' ? name.trim() : null;
  } catch {
    // A broken entry elsewhere in the file: the name is a nicety, the entries are read one by one.
    return null;
  }
}

/** The bytes of a file: decoded with its folds unfolded first where they split a character (`decodeIcalBytes`). */
export function readIcsBytes(bytes: Uint8Array): IcsFileContent {
  return readIcsFile(decodeIcalBytes(bytes));
}

export function readIcsFile(text: string): IcsFileContent {
  const { objects, errors } = splitCalendarObjects(text);
  const problems: ImportProblem[] = errors.map((error) => problemFromError(error));
  const entries: ImportEntry[] = [];
  for (const object of objects) {
    try {
      const { ics, dropped } = dedupeComponents(object);
      const parsed = parseCalendarObject(ics);
      const name = parsed.summary === '' ? parsed.uid : parsed.summary;
      entries.push({ uid: parsed.uid, summary: parsed.summary, ics });
      if (dropped > 0) {
        problems.push({
          kind: ImportProblemKind.duplicate,
          entry: name,
          line: null,
          property: null,
          detail: `${dropped + 1} copies of UID ${parsed.uid}; the last one is used`,
          skipped: false,
        });
      }
    } catch (error) {
      if (!isAppError(error)) throw error;
      problems.push(problemFromError(toAppErrorData(error)));
    }
  }
  return { entries, problems, calendarName: calendarNameOf(text) };
}
