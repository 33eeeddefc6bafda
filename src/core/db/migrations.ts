import type { Dexie } from 'dexie';

/*
 * ============================================================================================
 *  APPEND-ONLY. Each schema change is a new `db.version(n)` block below the others.
 *  Never edit or delete a block once it has shipped: browsers out there hold data in that shape.
 * ============================================================================================
 */
export function applyMigrations(db: Dexie): void {
  // v1 — 2026-11: accounts, calendars, events, occurrences, sync state, outbox, meta.
  db.version(1).stores({
    accounts: 'id, kind',
    calendars: 'id, accountId, order',
    // One iCalendar object per record; identity by [calendarId+uid] (not unique: a server may hold two
    // resources with one UID, which sync reports rather than merges), later by href / remote id.
    events: 'id, calendarId, [calendarId+uid], href, remoteId',
    // Expanded instances: [calendarId+start] answers "what is on between A and B" per visible calendar;
    // duration bounds how far before A an overlapping instance can start.
    occurrences: 'id, eventId, [calendarId+start], duration',
    syncState: 'calendarId',
    outbox: '++seq, eventId, calendarId, notBefore',
    meta: 'key',
  });

  // v2 — 2026-11: conflict copies (docs/sync-rules.md rule 3), set-aside server objects (rules 6, 7), and secrets
  // (the non-extractable WebCrypto key that encrypts account credentials; never localStorage).
  db.version(2).stores({
    conflicts: 'id, calendarId, eventId',
    setAside: 'id, calendarId',
    secrets: 'id',
  });

  // v3 — 2026-12: the sync log (src/core/sync/sync-log.ts): lines in write order, bounded per calendar
  // (or account) through [bucket+seq], oldest dropped in the transaction that adds a line.
  db.version(3).stores({
    syncLog: '++seq, [bucket+seq]',
  });

  // v4 — 2026-12: what a sync provider keeps for itself between runs (the Graph provider's map from
  // occurrence ids to their series, workers/sync/providers/graph/provider-state.ts): one record per
  // account and calendar, found by account so removing the account removes it.
  db.version(4).stores({
    providerState: 'key, accountId',
  });
}
