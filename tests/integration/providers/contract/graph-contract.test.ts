// The provider contract suite (provider-contract.ts) against the Graph provider, on the Graph test
// server (tests/servers/graph). What is Graph about it lives here: another client writes through the
// server's own write path (exactly another client's request: etags and delta included), an item's
// UID is its iCalUId, and a cursor the server does not know is a deltaLink with a made-up token.
import { calendarUrl } from '../../../../workers/sync/providers/graph/calendars';
import { encodeCursor } from '../../../../workers/sync/providers/graph/delta-round';
import { createGraphProvider } from '../../../../workers/sync/providers/graph/graph-provider';
import { memoryProviderState } from '../../../../workers/sync/providers/graph/provider-state';
import { startGraphServer } from '../../../servers/graph/index';
import { describeProviderContract, type ProviderWorld } from './provider-contract';

/** The window the provider materialises: contractIcs's events are on 10 March 2026. */
const WINDOW = { start: Date.UTC(2026, 0, 1), end: Date.UTC(2027, 0, 1) };

async function graphWorld(): Promise<ProviderWorld> {
  const graph = await startGraphServer();
  let calendars = 0;
  return {
    newCalendar() {
      calendars += 1;
      const calendarId = graph.seed.calendar({ name: `Contract ${calendars}` }).id;
      const remoteUrl = calendarUrl(graph.baseUrl, calendarId);
      const expectOk = <T>(
        what: string,
        result: { ok: true; value: T } | { ok: false; error: { code: string } },
      ) => {
        if (!result.ok) throw new Error(`${what} refused: ${result.error.code}`);
        return result.value;
      };
      return Promise.resolve({
        provider: createGraphProvider({
          fetch: (input, init) => fetch(input, init),
          now: () => Date.now(),
          credentials: { kind: 'bearer', token: () => Promise.resolve(graph.token) },
          baseUrl: graph.baseUrl,
          window: () => Promise.resolve(WINDOW),
          state: memoryProviderState(),
        }),
        calendar: { remoteUrl },
        other: {
          create(uid, summary) {
            const made = expectOk(
              'create',
              graph.store.createEvent(calendarId, {
                subject: summary,
                start: { dateTime: '2026-03-10T09:00:00', timeZone: 'UTC' },
                end: { dateTime: '2026-03-10T10:00:00', timeZone: 'UTC' },
              }),
            );
            // Graph gives every event its own iCalUId (read-only over HTTP); the suite names items by
            // the UID it chose, so the server's record carries it, as an invitation's event keeps its
            // organiser's UID.
            const record = graph.store.events.get(made.view.id);
            if (record) graph.store.events.set(record.id, { ...record, iCalUId: uid });
            return Promise.resolve(made.view.id);
          },
          edit(ref, _uid, summary) {
            expectOk('edit', graph.store.updateEvent(ref, { subject: summary }));
            return Promise.resolve();
          },
          remove(ref) {
            expectOk('delete', graph.store.deleteEvent(ref));
            return Promise.resolve();
          },
        },
        refusedCursor: encodeCursor({
          deltaLink: `${graph.baseUrl}/me/calendars/${encodeURIComponent(calendarId)}/calendarView/delta?$deltatoken=not-a-token`,
          window: WINDOW,
        }),
        missingRef: 'AAMkAGnothing-here-AAA=',
      });
    },
    stop: () => graph.stop(),
  };
}

describeProviderContract('graph on the Graph test server', graphWorld);
