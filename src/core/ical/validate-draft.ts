/** Checks the editor's draft before anything is saved; returns the error code per field. */
import { DraftErrorCode, FLOATING, type DraftErrors, type EventDraft, type RepeatRule } from './event-draft';
import { isKnownZone, wallClockToUtc } from './intl-zone';
import { parseIsoDate, parseIsoLocal, wallToNumber } from './wall-clock';

/** The first day of the event, `YYYY-MM-DD`, or null when the start is invalid. */
function startDay(draft: EventDraft): string | null {
  const { timing } = draft;
  if (timing.allDay) return parseIsoDate(timing.startDate) ? timing.startDate : null;
  return parseIsoLocal(timing.start) ? timing.start.slice(0, 10) : null;
}

function validateTiming(draft: EventDraft, errors: DraftErrors): void {
  const { timing } = draft;
  if (timing.allDay) {
    const start = parseIsoDate(timing.startDate);
    const end = parseIsoDate(timing.endDate);
    if (!start) errors.start = DraftErrorCode.invalidDate;
    if (!end) errors.end = DraftErrorCode.invalidDate;
    if (start && end && wallToNumber(end) < wallToNumber(start)) errors.end = DraftErrorCode.endBeforeStart;
    return;
  }
  const start = parseIsoLocal(timing.start);
  const end = parseIsoLocal(timing.end);
  if (!start) errors.start = DraftErrorCode.invalidDate;
  if (!end) errors.end = DraftErrorCode.invalidDate;
  const floating = timing.timeZone === FLOATING;
  if (!floating && !isKnownZone(timing.timeZone)) {
    errors.start ??= DraftErrorCode.unknownTimeZone;
    return;
  }
  if (!start || !end) return;
  const startMs = floating ? wallToNumber(start) : wallClockToUtc(timing.timeZone, start);
  const endMs = floating ? wallToNumber(end) : wallClockToUtc(timing.timeZone, end);
  if (endMs <= startMs) errors.end = DraftErrorCode.endBeforeStart;
}

function validateRepeat(repeat: RepeatRule, firstDay: string | null, errors: DraftErrors): void {
  if (!Number.isInteger(repeat.interval) || repeat.interval < 1) {
    errors.repeatInterval = DraftErrorCode.intervalNotPositive;
  }
  const { end } = repeat;
  if (end.kind === 'count' && (!Number.isInteger(end.count) || end.count < 1)) {
    errors.repeatEnd = DraftErrorCode.countNotPositive;
  }
  if (end.kind === 'until') {
    if (!parseIsoDate(end.date)) errors.repeatEnd = DraftErrorCode.invalidDate;
    else if (firstDay !== null && end.date < firstDay)
      errors.repeatEnd = DraftErrorCode.repeatEndsBeforeStart;
  }
}

/** Empty object when the draft can be saved. */
export function validateDraft(draft: EventDraft): DraftErrors {
  const errors: DraftErrors = {};
  validateTiming(draft, errors);
  if (draft.repeat) validateRepeat(draft.repeat, startDay(draft), errors);
  return errors;
}
