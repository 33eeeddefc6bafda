/**
 * The properties every settled case must have (issue 3, point 7):
 *   local equals server (same UIDs, same content after normalisation), no UID twice on either side,
 *   no lost edit (a conflict copy counts as kept), no deleted event back, nothing left unsent.
 * Returns the violations as readable lines (empty = the case holds).
 */
import type { ConflictCopy } from '../../../src/core/model/conflict-copy';
import type { EventRecord } from '../../../src/core/model/event';
import { fieldValues, fieldsOf, type ObjectFields, type TrackedField } from './ics-fields';
import type { Expectation } from './oracle';

/** An object as the server holds it, read as the harness compares it (server-side.ts, graph-server-side.ts). */
export interface ComparedEntry {
  readonly fields: ObjectFields;
}

function duplicates(uids: readonly string[]): string[] {
  const seen = new Set<string>();
  return uids.filter((uid) => (seen.has(uid) ? true : (seen.add(uid), false)));
}

function kept(
  value: string,
  field: TrackedField,
  final: ComparedEntry | undefined,
  copies: readonly ConflictCopy[],
) {
  if (final && fieldValues(final.fields, field).includes(value)) return true;
  return copies.some((copy) => {
    try {
      return fieldValues(fieldsOf(copy.localIcs), field).includes(value);
    } catch {
      return false;
    }
  });
}

export function checkConverged(input: {
  readonly server: readonly ComparedEntry[];
  readonly local: readonly EventRecord[];
  readonly conflicts: readonly ConflictCopy[];
  readonly expectations: readonly Expectation[];
  readonly outboxLeft: number;
  /** The local side of the comparison (default: the object's text as fieldsOf projects it); must
   *  read as the server entries' `fields.projection` does. */
  readonly projectLocal?: (event: EventRecord) => string;
}): string[] {
  const problems: string[] = [];
  const { server, local, conflicts } = input;
  for (const uid of duplicates(server.map((entry) => entry.fields.uid)))
    problems.push(`UID twice on the server: ${uid}`);
  for (const uid of duplicates(local.map((event) => event.uid))) problems.push(`UID twice locally: ${uid}`);
  if (input.outboxLeft > 0) problems.push(`${input.outboxLeft} outbox entries left after settling`);

  const serverByUid = new Map(server.map((entry) => [entry.fields.uid, entry]));
  const localByUid = new Map(local.map((event) => [event.uid, event]));
  for (const [uid, entry] of serverByUid) {
    const event = localByUid.get(uid);
    if (!event) {
      problems.push(`on the server but not local: ${uid} (${entry.fields.summary})`);
      continue;
    }
    const mine = input.projectLocal ? input.projectLocal(event) : fieldsOf(event.ics).projection;
    if (mine !== entry.fields.projection) {
      problems.push(`content differs for ${uid}:\n  local  ${mine}\n  server ${entry.fields.projection}`);
    }
  }
  for (const uid of localByUid.keys()) {
    if (!serverByUid.has(uid)) problems.push(`local but not on the server: ${uid}`);
  }

  for (const expectation of input.expectations) {
    const final = serverByUid.get(expectation.uid);
    const copies = conflicts.filter((copy) => copy.uid === expectation.uid);
    if (expectation.required === null) {
      if (final && !expectation.mayExist) problems.push(`deleted event came back: ${expectation.uid}`);
      continue;
    }
    if (!final && copies.length === 0) {
      problems.push(`edited event lost (gone from both sides, no conflict copy): ${expectation.uid}`);
      continue;
    }
    for (const [field, values] of expectation.required) {
      for (const value of values) {
        if (!kept(value, field, final, copies)) problems.push(`lost ${field}=${value} of ${expectation.uid}`);
      }
    }
  }
  return problems;
}
