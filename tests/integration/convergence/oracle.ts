/**
 * The harness's model of what must survive. Every write (create, edit, move) puts a value into a
 * (UID, field) slot; a value stops being required only when a later write or delete ON THE SIDE THAT
 * HAD SEEN IT replaces it. So after settling:
 *   - every required value is in the final object or in a conflict copy of that UID (no lost edit);
 *   - a UID with no required value left was deleted by someone who saw all of it: it must be gone
 *     (no deleted event back).
 * A value the server saw only through a write whose answer the client never got (a dropped
 * response) is "unconfirmed": the client cannot know the server user saw it, so it is no longer
 * required, and a server delete of it may or may not resurrect the event (both outcomes pass).
 */
import { TrackedField, fieldValue, type ObjectFields } from './ics-fields';

export type Side = 'local' | 'server';

interface Slot {
  /** Values that must survive. */
  readonly required: Set<string>;
}

interface UidState {
  readonly slots: Record<TrackedField, Slot>;
  resurrectionAllowed: boolean;
}

const FIELDS: readonly TrackedField[] = [TrackedField.summary, TrackedField.start];

export interface Expectation {
  readonly uid: string;
  /** null: must be absent (or may exist when `mayExist`). */
  readonly required: ReadonlyMap<TrackedField, ReadonlySet<string>> | null;
  readonly mayExist: boolean;
}

export class Oracle {
  private readonly uids = new Map<string, UidState>();

  private state(uid: string): UidState {
    let state = this.uids.get(uid);
    if (!state) {
      state = {
        slots: {
          [TrackedField.summary]: { required: new Set() },
          [TrackedField.start]: { required: new Set() },
        },
        resurrectionAllowed: false,
      };
      this.uids.set(uid, state);
    }
    return state;
  }

  /** A side created an object. */
  created(after: ObjectFields): void {
    const state = this.state(after.uid);
    for (const field of FIELDS) state.slots[field].required.add(fieldValue(after, field));
  }

  /**
   * A side rewrote an object it held as `before` (its own current view): the values it replaced are
   * no longer required (confirmed or not: either way someone chose to replace them).
   */
  written(before: ObjectFields, after: ObjectFields): void {
    const state = this.state(after.uid);
    for (const field of FIELDS) {
      const old = fieldValue(before, field);
      const next = fieldValue(after, field);
      if (old === next) continue;
      state.slots[field].required.delete(old);
      state.slots[field].required.add(next);
    }
  }

  /** A side deleted the object it held as `before`. `unconfirmed` values were seen only by accident. */
  deleted(before: ObjectFields, unconfirmed: ReadonlySet<string>): void {
    const state = this.state(before.uid);
    for (const field of FIELDS) {
      const seen = fieldValue(before, field);
      if (unconfirmed.has(seen)) state.resurrectionAllowed = true;
      state.slots[field].required.delete(seen);
    }
  }

  /**
   * The user chose to put this device's copy back on the server (docs/sync-rules.md rule 5), or the server deleted a
   * create this device never saw confirmed (its retry cannot know): it may exist again.
   */
  putBack(uid: string): void {
    this.state(uid).resurrectionAllowed = true;
  }

  expectations(): Expectation[] {
    return [...this.uids].map(([uid, state]) => {
      const required = new Map(FIELDS.map((field) => [field, state.slots[field].required] as const));
      const any = FIELDS.some((field) => state.slots[field].required.size > 0);
      return { uid, required: any ? required : null, mayExist: state.resurrectionAllowed };
    });
  }
}
