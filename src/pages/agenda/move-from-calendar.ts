import { EditScope } from '../../core/ical/event-draft';
import type { CalendarHandlers } from './calendar-options';
import { moveTimesFromSpan } from './fc-dates';
import { saveWrite } from './pending-writes';
import { ChangeOutcome } from './saving-marks';

export interface MoveDeps {
  /** The recurrence scope of a change to a series; null when the user cancelled. */
  readonly askScope: () => Promise<EditScope | null>;
  /** Shows why a change was put back. */
  readonly report: (error: unknown) => void;
  readonly zone: string;
}

/**
 * A drag or resize in FullCalendar as a move: asks the scope for a recurring event (Cancel puts it
 * back), then writes it. It resolves `committed` only once the transaction has committed, and the
 * calendar shows the event as saving until then; any failure puts the event back and says why.
 */
export function moveFromCalendar(deps: MoveDeps): CalendarHandlers['onChange'] {
  return async (event, span, revert) => {
    try {
      const scope = event.recurring ? await deps.askScope() : EditScope.all;
      if (scope === null) {
        revert();
        return ChangeOutcome.reverted;
      }
      const times = moveTimesFromSpan(span, deps.zone);
      const { eventId, recurrenceId } = event;
      await saveWrite({ kind: 'move', input: { eventId, recurrenceId, scope, ...times } });
      return ChangeOutcome.committed;
    } catch (error) {
      revert();
      deps.report(error);
      return ChangeOutcome.reverted;
    }
  };
}
