/**
 * What one Graph convergence case keeps (run-graph-case.ts): the two sides, the oracle, the
 * transcript, and the harness's names of local events (graph-server-side.ts explains them), with the
 * helpers that read the local side by those names and note who wrote which value (run-case.ts does
 * the same for CalDAV).
 */
import type { EventRecord } from '../../../src/core/model/event';
import type { EventId } from '../../../src/core/model/ids';
import { textsMayHaveArrived } from '../../../workers/sync/engine/tracked-write';
import type { GraphServer } from '../../servers/graph/index';
import { graphServerSide, type Span } from './graph-server-side';
import { fieldValue, fieldsOf, TrackedField, type ObjectFields } from './ics-fields';
import type { LocalSide } from './local-side';
import { Oracle, type Side } from './oracle';

export type GraphCaseState = ReturnType<typeof caseState>;

export function caseState(
  graph: GraphServer,
  graphCalendarId: string,
  local: LocalSide,
  window: () => Promise<Span>,
) {
  /** The harness's name of each local event (see graph-server-side.ts), kept once learnt. */
  const identities = new Map<EventId, string>();
  return {
    graph,
    local,
    window,
    identities,
    server: graphServerSide({
      graph,
      calendarId: graphCalendarId,
      identityOf: (transactionId) => {
        for (const [id, uid] of identities)
          if (transactionId === id || transactionId.startsWith(`${id}-`)) return uid;
        return undefined;
      },
      window,
    }),
    oracle: new Oracle([TrackedField.summary, TrackedField.start, TrackedField.instances]),
    origin: new Map<string, Side>(),
    transcript: [] as string[],
    counter: 0,
    asked: 0,
    /** Identities with an applied write whose answer was lost, since the last sync that succeeded. */
    lostWrites: new Set<string>(),
  };
}

/**
 * A local event's name: the one it was created under here; else, when it is linked to a server
 * event, that event's (an event the engine brought back after a delete here is a new local record of
 * the same server event, and Graph's text names it by its own iCalUId); else its UID.
 */
export const identityOf = (state: GraphCaseState, event: EventRecord): string =>
  state.identities.get(event.id) ??
  (event.href !== null ? state.server.identityOfId(event.href) : undefined) ??
  event.uid;

/** Learns the names of local events not yet named (an event from the server is named by its UID). */
export async function learnIdentities(state: GraphCaseState): Promise<EventRecord[]> {
  const events = await state.local.events();
  for (const event of events)
    if (!state.identities.has(event.id)) state.identities.set(event.id, identityOf(state, event));
  return events;
}

export async function localFields(state: GraphCaseState, event: EventRecord): Promise<ObjectFields> {
  const stored = (await state.local.db.events.get(event.id)) ?? event;
  return { ...fieldsOf(stored.ics), uid: identityOf(state, stored) };
}

export async function localByIdentity(state: GraphCaseState, uid: string): Promise<EventRecord | undefined> {
  return (await learnIdentities(state)).find((event) => identityOf(state, event) === uid);
}

export function remember(
  state: GraphCaseState,
  fields: ObjectFields,
  side: Side,
  before?: ObjectFields,
): void {
  if (before?.summary !== fields.summary) state.origin.set(fields.summary, side);
  if (before?.start !== fields.start) state.origin.set(fields.start, side);
}

/** Values the server holds that came from this client but whose upload it never saw confirmed. */
export async function unconfirmed(state: GraphCaseState, fields: ObjectFields): Promise<Set<string>> {
  const event = await localByIdentity(state, fields.uid);
  const synced = event?.syncedIcs ? fieldsOf(event.syncedIcs) : null;
  const result = new Set<string>();
  for (const field of [TrackedField.summary, TrackedField.start]) {
    const value = fieldValue(fields, field);
    const confirmed = synced !== null && fieldValue(synced, field) === value;
    if (state.origin.get(value) === 'local' && !confirmed) result.add(value);
  }
  // An occurrence edit or cancellation this client holds unsent: the other client may have made the
  // same one (a cancellation of the same occurrence) and then deleted the event; the edit here was
  // never seen there, so it may win and come back (docs/sync-rules.md rule 4).
  const here = event ? fieldsOf(event.ics).instances : [];
  for (const value of fields.instances) {
    if (here.includes(value) && !(synced?.instances.includes(value) ?? false)) result.add(value);
  }
  return result;
}

/** This client holds the event with a write it never saw confirmed (run-case.ts `writeUnconfirmed`). */
export async function writeUnconfirmed(state: GraphCaseState, uid: string): Promise<boolean> {
  const event = await localByIdentity(state, uid);
  if (event === undefined) return false;
  if (event.href === null) return true;
  const entries = await state.local.db.outbox.where('eventId').equals(event.id).toArray();
  return entries.some((entry) => entry.op !== 'delete' && textsMayHaveArrived(entry).length > 0);
}
