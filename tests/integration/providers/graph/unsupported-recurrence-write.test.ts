// A repeat Outlook cannot store fails the write with its own kind and reason (the page words it:
// src/lib/unsupported-recurrence-words.ts), before anything is sent; any other text the provider
// cannot convert stays "cannot be saved to Microsoft 365 as it is" (invalid input).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toAppErrorData } from '../../../../src/core/errors';
import { calendarUrl } from '../../../../workers/sync/providers/graph/calendars';
import { createGraphWrites, type SeriesWrite } from '../../../../workers/sync/providers/graph/graph-writes';
import { calendarStates, memoryProviderState } from '../../../../workers/sync/providers/graph/provider-state';
import { UnsupportedRecurrenceError } from '../../../../workers/sync/providers/graph/unsupported-recurrence';
import { startGraphServer, type GraphServer } from '../../../servers/graph/index';
import { graphClientFor } from './graph-kit';

let graph: GraphServer;

beforeEach(async () => {
  graph = await startGraphServer();
});

afterEach(async () => {
  await graph.stop();
});

function writesThrowing(error: Error) {
  return createGraphWrites({
    client: graphClientFor(graph),
    window: () => Promise.resolve({ start: Date.UTC(2026, 0, 1), end: Date.UTC(2027, 0, 1) }),
    states: calendarStates(memoryProviderState(), (url) => url),
    toGraph: (): SeriesWrite => {
      throw error;
    },
    changedFields: () => ({}),
  });
}

describe('an event Outlook cannot store', () => {
  const item = { ref: null, uid: 'rdate-series', ics: 'BEGIN:VCALENDAR…', attemptKey: 'k1' };

  it('a repeat it cannot store: kind unsupported-recurrence with the reason, nothing sent', async () => {
    const calendar = { remoteUrl: calendarUrl(graph.baseUrl, graph.seed.calendar({ name: 'Work' }).id) };
    graph.resetStats();
    const writes = writesThrowing(new UnsupportedRecurrenceError('extra-dates', 'RDATE'));
    const failure = await writes.create(calendar, item).catch((error: unknown) => toAppErrorData(error));
    expect(failure).toMatchObject({
      kind: 'unsupported-recurrence',
      detail: 'extra-dates',
      retryable: false,
    });
    expect(graph.stats().requests).toBe(0);
  });

  it('any other conversion failure: invalid input, as before', async () => {
    const calendar = { remoteUrl: calendarUrl(graph.baseUrl, graph.seed.calendar({ name: 'Work' }).id) };
    const writes = writesThrowing(new Error('no DTSTART'));
    const failure = await writes.create(calendar, item).catch((error: unknown) => toAppErrorData(error));
    expect(failure).toMatchObject({
      kind: 'invalid-input',
      message: 'This event cannot be saved to Microsoft 365 as it is.',
    });
  });
});
