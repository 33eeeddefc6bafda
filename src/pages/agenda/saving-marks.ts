/** How a drag or resize ended: stored (its transaction committed), or put back where it was. */
export const ChangeOutcome = { committed: 'committed', reverted: 'reverted' } as const;
export type ChangeOutcome = (typeof ChangeOutcome)[keyof typeof ChangeOutcome];

/** The attribute a rendered event carries while its change is being saved (styled in agenda.css). */
const BUSY = 'aria-busy';
const OCCURRENCE = 'data-occurrence-id';

/** What the marks use of an element FullCalendar drew (an HTMLElement; a stand-in in unit tests). */
export type MarkableElement = Pick<Element, 'getAttribute' | 'setAttribute' | 'removeAttribute'>;

/** The calendar's container: where the drawn events are found. */
export interface MarkableRoot {
  querySelectorAll(selectors: string): Iterable<MarkableElement>;
}

export interface SavingMarks {
  /** Whether a change of this occurrence is still being saved. */
  isSaving(occurrenceId: string): boolean;
  /** Any change still being saved. */
  active(): boolean;
  /**
   * Marks the occurrence as saving (`aria-busy="true"` on each element drawn for it, now and as
   * FullCalendar redraws it) until the returned function is called with the outcome.
   */
  begin(occurrenceId: string): (outcome: ChangeOutcome) => void;
  /** Marks one element FullCalendar has just drawn, if its occurrence is saving. */
  decorate(element: MarkableElement, occurrenceId: string): void;
}

/**
 * FullCalendar shows a dragged or resized event in its new place at once, while the write still has to
 * load its code and commit: until then the event must not look done. This keeps the occurrences whose
 * change is in flight and marks their elements under `root`; `onIdle` runs when the last one ends,
 * with the occurrences whose changes committed meanwhile.
 */
export function createSavingMarks(
  root: MarkableRoot,
  onIdle: (committed: ReadonlySet<string>) => void,
): SavingMarks {
  const saving = new Map<string, number>();
  let committed = new Set<string>();

  const mark = (occurrenceId: string, busy: boolean): void => {
    for (const element of root.querySelectorAll(`[${OCCURRENCE}]`)) {
      if (element.getAttribute(OCCURRENCE) !== occurrenceId) continue;
      if (busy) element.setAttribute(BUSY, 'true');
      else element.removeAttribute(BUSY);
    }
  };

  return {
    isSaving: (occurrenceId) => saving.has(occurrenceId),
    active: () => saving.size > 0,
    begin: (occurrenceId) => {
      saving.set(occurrenceId, (saving.get(occurrenceId) ?? 0) + 1);
      mark(occurrenceId, true);
      let ended = false;
      return (outcome) => {
        if (ended) return;
        ended = true;
        if (outcome === ChangeOutcome.committed) committed.add(occurrenceId);
        const left = (saving.get(occurrenceId) ?? 1) - 1;
        if (left > 0) saving.set(occurrenceId, left);
        else {
          saving.delete(occurrenceId);
          mark(occurrenceId, false);
        }
        if (saving.size > 0) return;
        const stored = committed;
        committed = new Set();
        onIdle(stored);
      };
    },
    decorate: (element, occurrenceId) => {
      if (saving.has(occurrenceId)) element.setAttribute(BUSY, 'true');
    },
  };
}
