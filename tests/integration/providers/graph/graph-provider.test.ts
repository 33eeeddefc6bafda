// The Graph provider as the engine drives it, against the Graph test server (docs/sync-rules.md
// rules 40, 41, 42, 43 and 44): the window re-anchored by refusing a cursor of another window, a series
// with an exception and a cancellation as one iCalendar object, a cancellation Graph never announces
// noticed through the master's etag, a round asked again from its old cursor still removing what it
// removed, requests per sync (nothing changed: one; changed singles: no fetch; series fetched in full
// $batches while the round pages, again after it when they changed meanwhile; a listing fetches only
// masters and exceptions and rebuilds the series from its rows, to the same text), immutable ids always.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CalendarProvider, ChangesSince } from '../../../../workers/sync/providers/calendar-provider';
import { calendarUrl } from '../../../../workers/sync/providers/graph/calendars';
import {
  decodeCursor,
  DeltaEndpoint,
  type SyncWindow,
} from '../../../../workers/sync/providers/graph/delta-round';
import { createGraphProvider } from '../../../../workers/sync/providers/graph/graph-provider';
import { memoryProviderState } from '../../../../workers/sync/providers/graph/provider-state';
import { startGraphServer, type GraphServer } from '../../../servers/graph/index';
import { recordedSleeps } from './graph-kit';

let graph: GraphServer;
let provider: CalendarProvider;
let window: SyncWindow;
let calendar: { remoteUrl: string };
let calendarId: string;

const at = (day: string, hour: number) => ({
  dateTime: `${day}T${String(hour).padStart(2, '0')}:00:00`,
  timeZone: 'UTC',
});

beforeEach(async () => {
  graph = await startGraphServer();
  calendarId = graph.seed.calendar({ name: 'Work' }).id;
  calendar = { remoteUrl: calendarUrl(graph.baseUrl, calendarId) };
  window = { start: Date.UTC(2026, 0, 1), end: Date.UTC(2027, 0, 1) };
  provider = createGraphProvider({
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    credentials: { kind: 'bearer', token: () => Promise.resolve(graph.token) },
    baseUrl: graph.baseUrl,
    window: () => Promise.resolve(window),
    state: memoryProviderState(),
    sleep: recordedSleeps().sleep,
  });
});

afterEach(async () => {
  await graph.stop();
});

function providerWith(options: { deltaPageSize: number; fetch?: typeof fetch }): CalendarProvider {
  return createGraphProvider({
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    now: () => Date.now(),
    credentials: { kind: 'bearer', token: () => Promise.resolve(graph.token) },
    baseUrl: graph.baseUrl,
    window: () => Promise.resolve(window),
    state: memoryProviderState(),
    sleep: recordedSleeps().sleep,
    deltaPageSize: options.deltaPageSize,
  });
}

function changes(result: ChangesSince) {
  if (result.kind !== 'changes') throw new Error('cursor refused');
  return result;
}

function weekly(subject: string, edits: Parameters<GraphServer['seed']['series']>[1] = {}) {
  return graph.seed.series(
    {
      subject,
      start: at('2026-03-02', 9),
      end: at('2026-03-02', 10),
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] },
        range: { type: 'numbered', startDate: '2026-03-02', numberOfOccurrences: 6 },
      },
    },
    edits,
    calendarId,
  );
}

describe('the window', () => {
  it('a cursor of another window is refused, and the listing from no cursor re-anchors it', async () => {
    graph.seed.event(
      { subject: 'Lunch', start: at('2026-05-04', 12), end: at('2026-05-04', 13) },
      calendarId,
    );
    const first = changes(await provider.listChanges(calendar, null));
    expect(changes(await provider.listChanges(calendar, first.cursor)).changed.size).toBe(0);
    window = { start: Date.UTC(2026, 1, 1), end: Date.UTC(2027, 1, 1) };
    const requests = graph.stats().requests;
    expect(await provider.listChanges(calendar, first.cursor)).toEqual({ kind: 'cursor-refused' });
    expect(graph.stats().requests).toBe(requests);
    const relisted = changes(await provider.listChanges(calendar, null));
    expect(relisted.changed.size).toBe(1);
    expect(changes(await provider.listChanges(calendar, relisted.cursor)).changed.size).toBe(0);
  });
});

describe('the delta endpoint (rule 40)', () => {
  it('the primary form serves the default calendar when the switch asks for it', async () => {
    const primary = graph.inspect.calendars().find((entry) => entry['isDefaultCalendar'] === true);
    const primaryId = typeof primary?.['id'] === 'string' ? primary['id'] : '';
    graph.seed.event({ subject: 'Home', start: at('2026-05-04', 12), end: at('2026-05-04', 13) });
    const onPrimary = createGraphProvider({
      fetch: (input, init) => fetch(input, init),
      now: () => Date.now(),
      credentials: { kind: 'bearer', token: () => Promise.resolve(graph.token) },
      baseUrl: graph.baseUrl,
      window: () => Promise.resolve(window),
      state: memoryProviderState(),
      deltaEndpoint: DeltaEndpoint.primary,
    });
    const home = { remoteUrl: calendarUrl(graph.baseUrl, primaryId) };
    const listed = changes(await onPrimary.listChanges(home, null));
    expect(listed.changed.size).toBe(1);
    expect(decodeCursor(listed.cursor)?.deltaLink).toContain('/me/calendarView/delta?');
    const other = changes(await onPrimary.listChanges(calendar, null));
    expect(decodeCursor(other.cursor)?.deltaLink).toContain(
      `/me/calendars/${encodeURIComponent(calendarId)}/calendarView/delta?`,
    );
  });
});

describe('series', () => {
  it('one iCalendar object per series: RRULE, the exception as RECURRENCE-ID, the cancellation as EXDATE', async () => {
    const { master } = weekly('Standup', {
      exceptions: [{ at: 1, patch: { subject: 'Standup (moved)' } }],
      cancelled: [3],
    });
    const listed = changes(await provider.listChanges(calendar, null));
    expect([...listed.changed.keys()]).toEqual([master.id]);
    const fetched = await provider.fetchItems(calendar, [master.id]);
    expect(fetched.warnings).toEqual([]);
    const [item] = fetched.found;
    expect(item?.ref).toBe(master.id);
    expect(item?.version).toBe(graph.inspect.event(master.id)?.['@odata.etag']);
    const ics = item?.ics.replace(/\r\n[ \t]/g, '') ?? '';
    expect(ics).toMatch(/^RRULE:FREQ=WEEKLY/m);
    expect(ics.match(/^BEGIN:VEVENT/gm)).toHaveLength(2);
    expect(ics).toMatch(/^RECURRENCE-ID/m);
    expect(ics).toContain('SUMMARY:Standup (moved)');
    expect(ics).toMatch(/^EXDATE/m);
    expect(ics).not.toContain(master.id);
  });

  it('notices a cancellation Graph does not announce: the master etag changes, the series is fetched again', async () => {
    const { master } = weekly('Planning');
    const first = changes(await provider.listChanges(calendar, null));
    const before = (await provider.fetchItems(calendar, [master.id])).found[0]?.ics ?? '';
    expect(before).not.toMatch(/^EXDATE/m);
    graph.faults.setDelta({ silentCancellations: true });
    graph.store.deleteEvent(graph.seed.occurrenceId(master.id, 2));
    const second = changes(await provider.listChanges(calendar, first.cursor));
    expect([...second.changed]).toEqual([[master.id, null]]);
    expect(second.removed.size).toBe(0);
    const after = (await provider.fetchItems(calendar, [master.id])).found[0]?.ics ?? '';
    expect(after).toMatch(/^EXDATE/m);
  });

  it('a deleted series is gone, even when its round is asked again from the old cursor', async () => {
    const { master } = weekly('Retro');
    const first = changes(await provider.listChanges(calendar, null));
    graph.store.deleteEvent(master.id);
    const second = changes(await provider.listChanges(calendar, first.cursor));
    expect([...second.removed]).toEqual([master.id]);
    // The engine failed to apply that round and asks again from the cursor it stored.
    const again = changes(await provider.listChanges(calendar, first.cursor));
    expect([...again.removed]).toEqual([master.id]);
  });
});

describe('requests', () => {
  it('nothing changed costs one request; singles the delta listed cost no fetch; ids always immutable', async () => {
    const lunch = graph.seed.event(
      { subject: 'Lunch', start: at('2026-05-04', 12), end: at('2026-05-04', 13) },
      calendarId,
    );
    weekly('Standup');
    const first = changes(await provider.listChanges(calendar, null));
    await provider.fetchItems(calendar, [...first.changed.keys()]);
    let requests = provider.requestCount();
    const quiet = changes(await provider.listChanges(calendar, first.cursor));
    expect(quiet.changed.size + quiet.removed.size).toBe(0);
    expect(provider.requestCount() - requests).toBe(1);
    graph.store.updateEvent(lunch.id, { subject: 'Lunch moved' });
    requests = provider.requestCount();
    const moved = changes(await provider.listChanges(calendar, quiet.cursor));
    const fetched = await provider.fetchItems(calendar, [...moved.changed.keys()]);
    expect(fetched.found[0]?.ics).toContain('SUMMARY:Lunch moved');
    expect(provider.requestCount() - requests).toBe(1);
    expect(graph.stats().withoutImmutableId).toBe(0);
  });

  it('the series a round names are fetched while it pages, in shared $batches of 20', async () => {
    const paged = providerWith({ deltaPageSize: 10 });
    const masters = Array.from({ length: 25 }, (_, n) => weekly(`Series ${n}`).master.id);
    const listed = changes(await paged.listChanges(calendar, null));
    const pages = graph.stats().byKind['delta'] ?? 0;
    expect(pages).toBeGreaterThan(10);
    // A listing: the masters of 25 series (their occurrences as listed), 25 requests in two $batches,
    // sent before the round ended.
    expect(paged.requestCount()).toBe(pages + 2);
    const fetched = await paged.fetchItems(calendar, [...listed.changed.keys()]);
    expect(fetched.found.map((item) => item.ref).sort()).toEqual([...masters].sort());
    expect(paged.requestCount()).toBe(pages + 2);
    expect(graph.stats().byKind['batch']).toBe(2);
    expect(graph.stats().batchItems).toEqual({ eventGet: 25 });
  });

  it('a listing rebuilds a series from its rows: master and exceptions fetched, no instance list, the same text', async () => {
    const { master } = weekly('Standup', {
      exceptions: [
        { at: 1, patch: { subject: 'Standup (moved)' } },
        { at: 4, patch: { subject: 'Standup (edited)' } },
      ],
      cancelled: [3],
    });
    const paged = providerWith({ deltaPageSize: 2 });
    const listed = changes(await paged.listChanges(calendar, null));
    const fromRows = (await paged.fetchItems(calendar, [...listed.changed.keys()])).found[0]?.ics;
    expect(graph.stats().batchItems).toEqual({ eventGet: 3 });
    // The same series read as any series is read on its own: master and instance list.
    const read = await paged.readItem(calendar, master.id);
    expect(graph.stats().batchItems).toEqual({ eventGet: 4, instances: 1 });
    expect(read.kind === 'found' ? read.item.ics : '').toBe(fromRows);
    expect(fromRows).toContain('SUMMARY:Standup (edited)');
    expect(fromRows).toMatch(/^EXDATE/m);
  });

  it('a round from a cursor fetches a changed series in full: its rows are only what changed', async () => {
    const { master } = weekly('Planning', {
      exceptions: [{ at: 1, patch: { subject: 'Planning (moved)' } }],
    });
    const first = changes(await provider.listChanges(calendar, null));
    await provider.fetchItems(calendar, [...first.changed.keys()]);
    graph.resetStats();
    graph.store.updateEvent(graph.seed.occurrenceId(master.id, 4), { subject: 'Planning (edited)' });
    const second = changes(await provider.listChanges(calendar, first.cursor));
    const ics = (await provider.fetchItems(calendar, [...second.changed.keys()])).found[0]?.ics ?? '';
    expect(graph.stats().batchItems).toEqual({ eventGet: 1, instances: 1 });
    expect(ics).toContain('SUMMARY:Planning (moved)');
    expect(ics).toContain('SUMMARY:Planning (edited)');
  });

  it('a series that changed on the server while its round paged is fetched again after the round', async () => {
    const { master } = weekly('Standup');
    let edited = false;
    const paged = providerWith({
      deltaPageSize: 2,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (!edited && String(input instanceof Request ? input.url : input).includes('/delta')) {
          edited = true;
          graph.store.updateEvent(master.id, { subject: 'Standup (renamed)' });
        }
        return response;
      },
    });
    const listed = changes(await paged.listChanges(calendar, null));
    const requests = paged.requestCount();
    const fetched = await paged.fetchItems(calendar, [...listed.changed.keys()]);
    // Its rows carry the etag of before the edit, the early fetch the one after: asked again.
    expect(paged.requestCount()).toBe(requests + 1);
    expect(graph.stats().byKind['batch']).toBe(2);
    expect(fetched.found[0]?.ics).toContain('SUMMARY:Standup (renamed)');
  });

  it('readState asks nothing, and listItems says to use the delta', async () => {
    const requests = provider.requestCount();
    expect(await provider.readState(calendar, 'cursor')).toEqual({
      cursor: null,
      stamp: null,
      supportsCursor: true,
      readOnly: null,
    });
    expect(provider.requestCount()).toBe(requests);
    await expect(provider.listItems(calendar)).rejects.toThrow(/delta/);
  });
});
