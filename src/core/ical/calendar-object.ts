/**
 * One iCalendar object (a VCALENDAR holding one UID: a master and its overrides), parsed once,
 * checked, and with every TZID resolved (docs/sync-rules.md rule 24). Everything else in this folder starts here.
 */
import ICAL from 'ical.js';
import { describeParseError, describeValueError, malformedIcs, type ContentLine } from './malformed';
import { applyZones, createZoneResolver, type ZoneResolver } from './time-zones';

export interface CalendarObject {
  readonly vcalendar: ICAL.Component;
  /** The VEVENT without RECURRENCE-ID; null when only overrides arrived (rule 25). */
  readonly master: ICAL.Component | null;
  readonly overrides: readonly ICAL.Component[];
  readonly uid: string;
  readonly resolveZone: ZoneResolver;
  /** Problems that did not stop reading (unknown zones, duplicate masters). */
  readonly warnings: string[];
}

/** Parses text into the VCALENDAR component; throws `malformed-ics` with the line at fault. */
export function parseVCalendar(ics: string): ICAL.Component {
  let jcal: unknown;
  try {
    jcal = ICAL.parse(ics);
  } catch (error) {
    throw malformedIcs(describeParseError(ics, error), error instanceof Error ? error.message : undefined);
  }
  if (!Array.isArray(jcal) || jcal.length === 0) throw malformedIcs('Empty object: no VCALENDAR in it');
  if (Array.isArray(jcal[0])) {
    if (jcal.length > 1) throw malformedIcs('More than one VCALENDAR in the object');
    jcal = jcal[0];
  }
  const root = new ICAL.Component(jcal as unknown[]);
  if (root.name !== 'vcalendar')
    throw malformedIcs(`No VCALENDAR in the object (found ${root.name.toUpperCase()})`);
  return root;
}

function uidOf(vevent: ICAL.Component): string | null {
  const uid = vevent.getFirstPropertyValue('uid');
  return typeof uid === 'string' && uid.trim().length > 0 ? uid : null;
}

/** Reads every value the app relies on, so a bad one fails here with its line, not later. */
export function checkEventValues(
  ics: string | readonly ContentLine[],
  vevent: ICAL.Component,
  uid: string,
): void {
  if (!vevent.hasProperty('dtstart')) throw malformedIcs(`VEVENT "${uid}" has no DTSTART`);
  for (const name of ['dtstart', 'dtend', 'duration', 'recurrence-id', 'rrule', 'exdate', 'rdate']) {
    for (const property of vevent.getAllProperties(name)) {
      try {
        property.getValues();
      } catch (error) {
        throw malformedIcs(describeValueError(ics, name, error));
      }
    }
  }
}

export function loadCalendarObject(ics: string): CalendarObject {
  const vcalendar = parseVCalendar(ics);
  const vevents = vcalendar.getAllSubcomponents('vevent');
  if (vevents.length === 0) throw malformedIcs('No VEVENT in the object');
  const uids = new Set<string>();
  for (const vevent of vevents) {
    const uid = uidOf(vevent);
    if (uid === null) throw malformedIcs('A VEVENT has no UID');
    uids.add(uid);
  }
  if (uids.size > 1) throw malformedIcs(`Components with different UIDs: ${[...uids].join(', ')}`);
  const uid = [...uids][0] ?? '';
  const warnings: string[] = [];
  const masters = vevents.filter((vevent) => !vevent.hasProperty('recurrence-id'));
  if (masters.length > 1)
    warnings.push(`${masters.length} VEVENTs without RECURRENCE-ID: the first one is used`);
  for (const vevent of vevents) checkEventValues(ics, vevent, uid);
  const resolveZone = createZoneResolver(vcalendar, warnings);
  try {
    applyZones(vcalendar, resolveZone);
  } catch (error) {
    throw malformedIcs(describeParseError(ics, error));
  }
  return {
    vcalendar,
    master: masters[0] ?? null,
    overrides: vevents.filter((vevent) => vevent.hasProperty('recurrence-id')),
    uid,
    resolveZone,
    warnings,
  };
}
