import {
  commitOnce,
  createEvent,
  deleteOccurrence,
  editOccurrence,
  moveOccurrence,
} from '../../core/agenda/commands';
import { db, pageContext } from '../../lib/db';
import type { PendingWrite } from './pending-write';
import type { JournalEntry } from './write-journal';

/**
 * The agenda's writes, run through the commands (with ical.js: this module is loaded on demand, by
 * pending-writes.ts). Each resolves once its IndexedDB transaction has committed.
 */
function applyWrite(write: PendingWrite): Promise<unknown> {
  const ctx = pageContext();
  switch (write.kind) {
    case 'create':
      return createEvent(db, write.input, ctx);
    case 'edit':
      return editOccurrence(db, write.input, ctx);
    case 'move':
      return moveOccurrence(db, write.input, ctx);
    case 'delete':
      return deleteOccurrence(db, write.input, ctx);
  }
}

/** Commits a noted write, once: resolves to false when a replay (or another tab) already applied it. */
export function commitEntry(entry: JournalEntry): Promise<boolean> {
  return commitOnce(db, entry.id, () => applyWrite(entry.write));
}
