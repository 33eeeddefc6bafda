/** A new event: the editor's draft written as a complete VCALENDAR object. */
import ICAL from 'ical.js';
import type { EventDraft } from './event-draft';
import {
  draftTimes,
  placementOfDraft,
  stamp,
  utcTime,
  writeSpan,
  writeTexts,
  type Placement,
} from './event-writer';
import { recurFromRepeat, type UntilForm } from './repeat-rule';
import { ensureVtimezone } from './vtimezone';

export const PRODID = '-//Almanac//EN';

export function untilFormOf(placement: Placement, draftZone: string): UntilForm {
  if (placement.kind === 'date') return { kind: 'date' };
  if (placement.kind === 'floating') return { kind: 'floating' };
  return { kind: 'zoned', zone: draftZone };
}

export function newVCalendar(): ICAL.Component {
  const vcalendar = new ICAL.Component('vcalendar');
  vcalendar.addPropertyWithValue('prodid', PRODID);
  vcalendar.addPropertyWithValue('version', '2.0');
  vcalendar.addPropertyWithValue('calscale', 'GREGORIAN');
  return vcalendar;
}

export function createEventIcs(draft: EventDraft, options: { uid: string; now: number }): string {
  const vcalendar = newVCalendar();
  const vevent = new ICAL.Component('vevent');
  vcalendar.addSubcomponent(vevent);
  vevent.addPropertyWithValue('uid', options.uid);
  vevent.addPropertyWithValue('created', utcTime(options.now));
  stamp(vevent, options.now, 0);
  writeTexts(vevent, draft);
  const placement = placementOfDraft(draft.timing);
  const { start, end } = draftTimes(draft.timing, placement);
  writeSpan(vevent, start, end, placement);
  if (draft.repeat) {
    const draftZone = draft.timing.allDay ? 'UTC' : draft.timing.timeZone;
    vevent.addPropertyWithValue(
      'rrule',
      recurFromRepeat(draft.repeat, untilFormOf(placement, draftZone), null),
    );
  }
  if (placement.kind === 'zoned' && placement.iana !== null) ensureVtimezone(vcalendar, placement.iana);
  return vcalendar.toString();
}
