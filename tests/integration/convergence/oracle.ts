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
import { TrackedField, fieldValues, type ObjectFields } from './ics-fields';

export type Side = 'local' | 'server';

interface Slot {
  /** Values that must survive. */
  readonly required: Set<string>;
}

interface UidState {
  readonly slots: Record<TrackedField, Slot>;
  resurrectionAllowed: boolean;
}

/** What the CalDAV case tracks; the Graph case adds TrackedField.instances (its series edits). */
export const DEFAULT_FIELDS: readonly TrackedField[] = [TrackedField.summary, TrackedField.start];

export interface Expectation {
  readonly uid: string;
  /** null: must be absent (or may exist when `mayExist`). */
  readonly required: ReadonlyMap<TrackedField, ReadonlySet<string>> | null;
  readonly mayExist: boolean;
}

export class Oracle {
  private readonly uids = new Map<string, UidState>();

  constructor(private readonly fields: readonly TrackedField[] = DEFAULT_FIELDS) {}

  private state(uid: string): UidState {
    let state = this.uids.get(uid);
    if (!state) {
      state = {
        slots: {
          [TrackedField.summary]: { required: new Set() },
          [TrackedField.start]: { required: new Set() },
          [TrackedField.instances]: { required: new Set() },
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
    for (const field of this.fields)
      for (const value of fieldValues(after, field)) state.slots[field].required.add(value);
  }

  /**
   * A side rewrote an object it held as `before` (its own current view): the values it replaced are
   * no longer required (confirmed or not: either way someone chose to replace them).
   */
  written(before: ObjectFields, after: ObjectFields): void {
    const state = this.state(after.uid);
    for (const field of this.fields) {
      const old = fieldValues(before, field);
      const next = fieldValues(after, field);
      for (const value of old) if (!next.includes(value)) state.slots[field].required.delete(value);
      for (const value of next) if (!old.includes(value)) state.slots[field].required.add(value);
    }
  }

  /** A side deleted the object it held as `before`. `unconfirmed` values were seen only by accident. */
  deleted(before: ObjectFields, unconfirmed: ReadonlySet<string>): void {
    const state = this.state(before.uid);
    for (const field of this.fields) {
      for (const seen of fieldValues(before, field)) {
        if (unconfirmed.has(seen)) state.resurrectionAllowed = true;
        state.slots[field].required.delete(seen);
      }
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
      const required = new Map(this.fields.map((field) => [field, state.slots[field].required] as const));
      const any = this.fields.some((field) => state.slots[field].required.size > 0);
      return { uid, required: any ? required : null, mayExist: state.resurrectionAllowed };
    });
  }
}
