/**
 * One suite for the provider interface (workers/sync/providers/calendar-provider.ts), run against every
 * provider (Replicache's `runAll(name, newStore)`): `describeProviderContract(name, makeWorld)`. What it
 * asserts is what the engine relies on from any provider; what differs between servers (where a
 * calendar is, how another client writes, a cursor the server no longer knows) lives in the world.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CalendarProvider,
  FetchedItem,
  ItemRef,
  ItemVersions,
  RemoteCalendarRef,
} from '../../../../workers/sync/providers/calendar-provider';

/** What another client (another device, the server's web UI) does behind the provider's back. */
export interface OtherClient {
  /** Creates an event with this UID and title; resolves to its ref as the provider names it. */
  create(uid: string, summary: string): Promise<ItemRef>;
  /** Gives the event at `ref` a new title. */
  edit(ref: ItemRef, uid: string, summary: string): Promise<void>;
  remove(ref: ItemRef): Promise<void>;
}

/** One calendar on a server, empty, with a provider of its account and another client beside it. */
export interface ProviderCalendar {
  readonly provider: CalendarProvider;
  readonly calendar: RemoteCalendarRef;
  readonly other: OtherClient;
  /** A cursor of this calendar's server that it no longer knows (or never knew). */
  readonly refusedCursor: string;
  /** A ref in this calendar at which nothing is. */
  readonly missingRef: ItemRef;
}

export interface ProviderWorld {
  /** A fresh, empty calendar: each test has its own. */
  newCalendar(): Promise<ProviderCalendar>;
  /** Stops what the world started (also when a test failed). */
  stop(): Promise<void>;
}

export interface ProviderContractOptions {
  /** Starting the world may install packages or start processes: its budget in ms (default 60 s). */
  readonly startTimeoutMs?: number;
}

let counter = 0;

/** A unique UID per test run, safe in any server's ref. */
function uniqueUid(label: string): string {
  counter += 1;
  return `contract-${label}-${counter}-${Math.random().toString(36).slice(2, 10)}@almanac.test`;
}

/** An iCalendar object as the engine hands it to `create` and `update`. */
export function contractIcs(uid: string, summary: string): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Almanac//provider contract//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20260101T000000Z',
    'DTSTART:20260310T090000Z',
    'DTEND:20260310T100000Z',
    `SUMMARY:${summary}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

function summaryOf(item: FetchedItem): string | null {
  return /^SUMMARY:(.*)$/m.exec(item.ics.replace(/\r\n[ \t]/g, ''))?.[1]?.trim() ?? null;
}

function hasRef(provider: CalendarProvider, refs: Iterable<ItemRef>, ref: ItemRef): boolean {
  for (const candidate of refs) if (provider.sameRef(candidate, ref)) return true;
  return false;
}

function versionOf(
  provider: CalendarProvider,
  versions: ItemVersions,
  ref: ItemRef,
): string | null | undefined {
  for (const [candidate, version] of versions) if (provider.sameRef(candidate, ref)) return version;
  return undefined;
}

/** Every item's ref and version, the way the engine lists a calendar (from no cursor, or a listing). */
async function listAll(world: ProviderCalendar): Promise<ItemVersions> {
  const { provider, calendar } = world;
  const state = await provider.readState(calendar, 'capabilities');
  if (!state.supportsCursor) return provider.listItems(calendar);
  const changes = await provider.listChanges(calendar, null);
  if (changes.kind !== 'changes') throw new Error('listChanges from no cursor was refused');
  return changes.changed;
}

async function readFound(world: ProviderCalendar, ref: ItemRef): Promise<FetchedItem> {
  const read = await world.provider.readItem(world.calendar, ref);
  if (read.kind !== 'found') throw new Error(`nothing at ${ref}`);
  return read.item;
}

/** Creates through the provider; resolves to what was written. */
async function createHere(world: ProviderCalendar, uid: string, summary: string) {
  const outcome = await world.provider.create(world.calendar, {
    ref: null,
    uid,
    ics: contractIcs(uid, summary),
    attemptKey: `attempt-${uid}`,
  });
  if (outcome.kind !== 'written') throw new Error(`create answered ${outcome.kind}`);
  return outcome;
}

export function describeProviderContract(
  name: string,
  makeWorld: () => Promise<ProviderWorld>,
  options: ProviderContractOptions = {},
): void {
  describe(`provider contract: ${name}`, () => {
    let world: ProviderWorld | undefined;
    beforeAll(async () => {
      world = await makeWorld();
    }, options.startTimeoutMs ?? 60_000);
    afterAll(async () => {
      await world?.stop();
    });
    const fresh = (): Promise<ProviderCalendar> => {
      if (!world) throw new Error(`${name}: the world did not start (see beforeAll)`);
      return world.newCalendar();
    };

    it('discovers the calendar among the account’s calendars', async () => {
      const here = await fresh();
      const found = await here.provider.discoverCalendars();
      const mine = found.find((calendar) => calendar.url === here.calendar.remoteUrl);
      expect(
        mine,
        `${here.calendar.remoteUrl} in ${found.map((calendar) => calendar.url).join(', ')}`,
      ).toBeDefined();
      expect(mine?.readOnly).toBe(false);
      expect(typeof mine?.name).toBe('string');
    });

    it('reads the calendar’s state; a change by another client never leaves the cursor and stamp as they were', async () => {
      const here = await fresh();
      const { provider, calendar } = here;
      const capabilities = await provider.readState(calendar, 'capabilities');
      expect(typeof capabilities.supportsCursor).toBe('boolean');
      const before = await provider.readState(calendar, 'versions');
      expect(before.supportsCursor).toBe(capabilities.supportsCursor);
      await here.other.create(uniqueUid('state'), 'Changed elsewhere');
      const after = await provider.readState(calendar, 'versions');
      // Equal only when unknown: the engine skips a calendar only when a version it stored is unchanged.
      const changedOrUnknown = (a: string | null, b: string | null) => a === null || b === null || a !== b;
      const seen = before.supportsCursor
        ? changedOrUnknown(before.cursor, after.cursor)
        : changedOrUnknown(before.stamp, after.stamp);
      expect(seen).toBe(true);
      expect(after.readOnly).not.toBe(true);
    });

    it('lists every item from no cursor, with a cursor to go on from', async () => {
      const here = await fresh();
      const a = await here.other.create(uniqueUid('a'), 'A');
      const b = await here.other.create(uniqueUid('b'), 'B');
      const listed = await listAll(here);
      expect(listed.size).toBe(2);
      expect(hasRef(here.provider, listed.keys(), a)).toBe(true);
      expect(hasRef(here.provider, listed.keys(), b)).toBe(true);
      const state = await here.provider.readState(here.calendar, 'capabilities');
      if (state.supportsCursor) {
        const changes = await here.provider.listChanges(here.calendar, null);
        expect(changes.kind).toBe('changes');
        if (changes.kind === 'changes') {
          expect(changes.cursor).not.toBe('');
          expect(changes.removed.size).toBe(0);
        }
      }
    });

    it('shows another client’s edit, create and delete in the changes since a cursor', async () => {
      const here = await fresh();
      const { provider, calendar, other } = here;
      const editedUid = uniqueUid('edited');
      const edited = await other.create(editedUid, 'Before');
      const removed = await other.create(uniqueUid('removed'), 'Goes away');
      const { supportsCursor } = await provider.readState(calendar, 'capabilities');
      const start = supportsCursor ? await provider.listChanges(calendar, null) : null;
      if (start?.kind === 'cursor-refused') throw new Error('listChanges from no cursor was refused');
      const listedBefore = start?.changed ?? (await provider.listItems(calendar));
      const versionBefore = versionOf(provider, listedBefore, edited);
      expect(versionBefore).not.toBeUndefined();
      await other.edit(edited, editedUid, 'After');
      await other.remove(removed);
      const added = await other.create(uniqueUid('added'), 'New');
      let changed: ItemVersions;
      if (start) {
        const since = await provider.listChanges(calendar, start.cursor);
        if (since.kind !== 'changes') throw new Error('the cursor just given was refused');
        expect(hasRef(provider, since.removed, removed)).toBe(true);
        expect(since.cursor).not.toBe(start.cursor);
        changed = since.changed;
      } else {
        // Without a cursor, the engine compares a complete listing: the removal is what it does not list.
        changed = await provider.listItems(calendar);
      }
      expect(hasRef(provider, changed.keys(), edited)).toBe(true);
      expect(hasRef(provider, changed.keys(), added)).toBe(true);
      expect(hasRef(provider, changed.keys(), removed)).toBe(false);
      const versionAfter = versionOf(provider, changed, edited);
      // A version may be unknown (null: the engine fetches the item), never the same after an edit.
      expect(versionBefore === null || versionAfter === null || versionBefore !== versionAfter).toBe(true);
    });

    it('answers cursor-refused for a cursor the server does not know', async () => {
      const here = await fresh();
      const state = await here.provider.readState(here.calendar, 'capabilities');
      if (!state.supportsCursor) return;
      await here.other.create(uniqueUid('refused'), 'Present');
      expect(await here.provider.listChanges(here.calendar, here.refusedCursor)).toEqual({
        kind: 'cursor-refused',
      });
    });

    it('fetches items by ref: found with their text and version, the others missing', async () => {
      const here = await fresh();
      const uid = uniqueUid('fetched');
      const ref = await here.other.create(uid, 'Fetched');
      const result = await here.provider.fetchItems(here.calendar, [ref, here.missingRef]);
      expect(result.found).toHaveLength(1);
      const [item] = result.found;
      expect(item && here.provider.sameRef(item.ref, ref)).toBe(true);
      expect(item?.ics).toContain(uid);
      expect(item && summaryOf(item)).toBe('Fetched');
      expect(result.missing).toHaveLength(1);
      expect(hasRef(here.provider, result.missing, here.missingRef)).toBe(true);
      expect(await here.provider.readItem(here.calendar, here.missingRef)).toEqual({ kind: 'gone' });
      expect(here.provider.batchSize).toBeGreaterThan(0);
    });

    it('creates an item, and a create sent again with the same attempt key never makes two', async () => {
      const here = await fresh();
      const { provider, calendar } = here;
      const uid = uniqueUid('created');
      const requestsBefore = provider.requestCount();
      const first = await createHere(here, uid, 'Created here');
      expect(provider.requestCount()).toBeGreaterThan(requestsBefore);
      const stored = await readFound(here, first.ref);
      expect(summaryOf(stored)).toBe('Created here');
      const retryRef = provider.refForNewItem(calendar, uid);
      const again = await provider.create(calendar, {
        ref: null,
        uid,
        ics: contractIcs(uid, 'Created here'),
        attemptKey: `attempt-${uid}`,
      });
      // What a provider may answer: the same item written (recognised by its key) or a conflict.
      if (again.kind === 'written') expect(provider.sameRef(again.ref, first.ref)).toBe(true);
      else expect(again.kind).toBe('conflict');
      if (retryRef !== null) expect(provider.sameRef(retryRef, first.ref)).toBe(true);
      const refs = await provider.findByUid(calendar, uid);
      expect(refs).toHaveLength(1);
      expect((await listAll(here)).size).toBe(1);
    });

    it('updates against the current version, and refuses a stale one as a conflict', async () => {
      const here = await fresh();
      const { provider, calendar, other } = here;
      const uid = uniqueUid('updated');
      const created = await createHere(here, uid, 'Version 1');
      const current = await readFound(here, created.ref);
      expect(current.version).not.toBeNull();
      const stale = current.version ?? '';
      const updated = await provider.update(calendar, {
        ref: created.ref,
        ics: contractIcs(uid, 'Version 2'),
        base: current.ics,
        condition: { kind: 'version', version: stale },
      });
      expect(updated.kind).toBe('written');
      expect(summaryOf(await readFound(here, created.ref))).toBe('Version 2');
      await other.edit(created.ref, uid, 'Edited elsewhere');
      const refused = await provider.update(calendar, {
        ref: created.ref,
        ics: contractIcs(uid, 'Version 3'),
        base: current.ics,
        condition: { kind: 'version', version: stale },
      });
      expect(refused).toEqual({ kind: 'conflict' });
      expect(summaryOf(await readFound(here, created.ref))).toBe('Edited elsewhere');
    });

    it('knows its own text when it reads it back, and an edit made elsewhere as not (docs/sync-rules.md rule 4)', async () => {
      const here = await fresh();
      const { provider, other } = here;
      const uid = uniqueUid('held');
      const sent = contractIcs(uid, 'As sent');
      const created = await createHere(here, uid, 'As sent');
      const held = await readFound(here, created.ref);
      expect(provider.holdsSent([sent], held.ics)).toBe(true);
      await other.edit(created.ref, uid, 'Edited elsewhere');
      const edited = await readFound(here, created.ref);
      expect(provider.holdsSent([sent], edited.ics)).toBe(false);
    });

    it('removes only the version it was given: stale → conflict, current → removed, gone → gone', async () => {
      const here = await fresh();
      const { provider, calendar, other } = here;
      const uid = uniqueUid('removed');
      const created = await createHere(here, uid, 'To remove');
      const first = (await readFound(here, created.ref)).version ?? '';
      await other.edit(created.ref, uid, 'Edited elsewhere');
      expect(await provider.remove(calendar, created.ref, { kind: 'version', version: first })).toEqual({
        kind: 'conflict',
      });
      const current = (await readFound(here, created.ref)).version ?? '';
      expect((await provider.remove(calendar, created.ref, { kind: 'version', version: current })).kind).toBe(
        'written',
      );
      expect(await provider.readItem(calendar, created.ref)).toEqual({ kind: 'gone' });
      const elsewhere = await other.create(uniqueUid('gone'), 'Removed elsewhere');
      const version = (await readFound(here, elsewhere)).version ?? '';
      await other.remove(elsewhere);
      expect(await provider.remove(calendar, elsewhere, { kind: 'version', version })).toEqual({
        kind: 'gone',
      });
    });

    it('finds items by UID, exactly', async () => {
      const here = await fresh();
      const uid = uniqueUid('by-uid');
      const ref = await here.other.create(uid, 'Found by UID');
      await here.other.create(`${uid}-longer`, 'Shares the prefix');
      const refs = await here.provider.findByUid(here.calendar, uid);
      expect(refs).toHaveLength(1);
      expect(refs[0] !== undefined && here.provider.sameRef(refs[0], ref)).toBe(true);
      expect(await here.provider.findByUid(here.calendar, uniqueUid('nowhere'))).toEqual([]);
    });
  });
}
