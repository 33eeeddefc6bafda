import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COMMITTED_WRITES_KEY, createEvent } from '../../../src/core/agenda/commands';
import type { CalendarId, EventId } from '../../../src/core/model/ids';
import { occurrenceId } from '../../../src/core/model/occurrence';
import { db, pageContext } from '../../../src/lib/db';
import { parsePendingWrite, type PendingWrite } from '../../../src/pages/agenda/pending-write';
import {
  clearReplayFailures,
  failedReplays,
  replayNotedWrites,
  saveWrite,
} from '../../../src/pages/agenda/pending-writes';
import { commitEntry } from '../../../src/pages/agenda/write-executor';
import { JOURNAL_PREFIX, notedWrites, noteWrite } from '../../../src/pages/agenda/write-journal';
import { timedDraft } from '../data/drafts';
import { at, localCalendar } from '../data/helpers';
import { memoryStorage } from '../support/memory-storage';

/** The keys of the notes in localStorage. */
function notes(): string[] {
  const keys: string[] = [];
  for (let index = 0; index < localStorage.length; index += 1) {
    const key = localStorage.key(index);
    if (key?.startsWith(JOURNAL_PREFIX) === true) keys.push(key);
  }
  return keys;
}

let calendarId: CalendarId;

beforeEach(async () => {
  vi.stubGlobal('localStorage', memoryStorage());
  await Promise.all(db.tables.map((table) => table.clear()));
  calendarId = await localCalendar(db, pageContext());
  clearReplayFailures();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

async function standup(): Promise<EventId> {
  return createEvent(db, { calendarId, draft: timedDraft() }, pageContext());
}

function move(eventId: EventId, start: string, end: string): PendingWrite {
  return {
    kind: 'move',
    input: { eventId, recurrenceId: null, scope: 'all', start: at(start), end: at(end), allDay: false },
  };
}

async function startOf(eventId: EventId): Promise<string | undefined> {
  const row = await db.occurrences.get(occurrenceId(eventId, null));
  return row ? new Date(row.start).toISOString() : undefined;
}

describe('saveWrite', () => {
  it('resolves once the write is stored, and leaves no note behind', async () => {
    await saveWrite({ kind: 'create', input: { calendarId, draft: timedDraft({ title: 'Dentist' }) } });
    expect((await db.events.toArray()).map((e) => e.summary)).toEqual(['Dentist']);
    expect(notes()).toEqual([]);
    expect((await db.meta.get(COMMITTED_WRITES_KEY))?.value).toHaveLength(1);
  });

  it('rejects a write that fails, with nothing written and no note left to replay', async () => {
    const missing = 'gone' as EventId;
    await expect(
      saveWrite(move(missing, '2026-03-11T08:00:00Z', '2026-03-11T08:30:00Z')),
    ).rejects.toMatchObject({
      kind: 'not-found',
    });
    expect(notes()).toEqual([]);
    expect(await db.meta.get(COMMITTED_WRITES_KEY)).toBeUndefined();
  });

  it('still writes where the note cannot be kept (storage blocked)', async () => {
    vi.stubGlobal('localStorage', {
      setItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
      removeItem: () => undefined,
    });
    await saveWrite({ kind: 'create', input: { calendarId, draft: timedDraft() } });
    expect(await db.events.count()).toBe(1);
  });
});

describe('replayNotedWrites', () => {
  it('applies the writes a page left noted, in the order they were made', async () => {
    const eventId = await standup();
    noteWrite(move(eventId, '2026-03-11T08:00:00Z', '2026-03-11T08:30:00Z'), 1_000);
    noteWrite(move(eventId, '2026-03-12T10:00:00Z', '2026-03-12T11:00:00Z'), 1_000);
    await replayNotedWrites();
    expect(await startOf(eventId)).toBe('2026-03-12T10:00:00.000Z');
    expect(notes()).toEqual([]);
    expect(failedReplays()).toEqual([]);
  });

  it('does not apply again a write that committed before its page went away', async () => {
    const entry = noteWrite({ kind: 'create', input: { calendarId, draft: timedDraft() } }, 1_000);
    await commitEntry(entry);
    await replayNotedWrites();
    expect(await db.events.count()).toBe(1);
    expect(notes()).toEqual([]);
  });

  it('drops a write that can no longer apply, and says so', async () => {
    noteWrite(move('gone' as EventId, '2026-03-11T08:00:00Z', '2026-03-11T08:30:00Z'), 1_000);
    await replayNotedWrites();
    expect(notes()).toEqual([]);
    expect(failedReplays()).toMatchObject([{ kept: false, error: { kind: 'not-found' } }]);
  });

  it('drops notes it cannot read, and reads the others', async () => {
    const eventId = await standup();
    localStorage.setItem(`${JOURNAL_PREFIX}broken`, '{not json');
    localStorage.setItem(`${JOURNAL_PREFIX}odd`, JSON.stringify({ at: 1, n: 1, write: { kind: 'rename' } }));
    localStorage.setItem('almanac.pendingSettings', '{}');
    noteWrite(move(eventId, '2026-03-11T08:00:00Z', '2026-03-11T08:30:00Z'), 1_000);
    expect(notedWrites().map((entry) => entry.write.kind)).toEqual(['move']);
    expect(notes()).toHaveLength(1);
    expect(localStorage.getItem('almanac.pendingSettings')).toBe('{}');
  });
});

describe('parsePendingWrite', () => {
  const draft = timedDraft();
  const ref = { eventId: 'e1', recurrenceId: null, scope: 'all' };

  it('reads back each kind of write', () => {
    const writes = [
      { kind: 'create', input: { calendarId: 'c1', draft } },
      { kind: 'edit', input: { ...ref, calendarId: 'c1', draft: { ...draft, reminder: 10 } } },
      { kind: 'move', input: { ...ref, start: 1, end: 2, allDay: false } },
      { kind: 'delete', input: { ...ref, recurrenceId: '20260310T080000Z', scope: 'following' } },
    ];
    for (const write of writes) expect(parsePendingWrite(JSON.parse(JSON.stringify(write)))).toEqual(write);
  });

  it('refuses what is not a write', () => {
    const refused = [
      null,
      'move',
      { kind: 'move', input: { ...ref, start: '1', end: 2, allDay: false } },
      { kind: 'move', input: { ...ref, scope: 'some', start: 1, end: 2, allDay: false } },
      { kind: 'delete', input: { ...ref, eventId: 7 } },
      { kind: 'create', input: { calendarId: 'c1', draft: { ...draft, timing: { allDay: 'no' } } } },
      { kind: 'create', input: { calendarId: 'c1', draft: { ...draft, repeat: { frequency: 'hourly' } } } },
      { kind: 'edit', input: { ...ref, draft } },
      { kind: 'rename', input: {} },
    ];
    for (const value of refused) expect(parsePendingWrite(value)).toBeNull();
  });
});
