/** Series bodies and instance listings shared by the recurrence and series tests. */
import type { JsonObject } from '../../../servers/graph/index';
import { callJson, rows, str, type GraphEndpoint } from './graph-http';

/** A dateTimeTimeZone at 09:00 (or `time`) on `date`. */
export const at = (date: string, time = '09:00:00', timeZone = 'UTC') => ({
  dateTime: `${date}T${time}`,
  timeZone,
});

/** "Standup", an hour from 09:00 UTC on 2025-01-01 unless told otherwise, recurring as given. */
export function seriesBody(
  pattern: JsonObject,
  range: JsonObject,
  start = at('2025-01-01'),
  end = at('2025-01-01', '10:00:00'),
): JsonObject {
  return { subject: 'Standup', start, end, recurrence: { pattern, range } };
}

/** The starts (UTC, to the minute) "List instances" gives for a series in a window. */
export async function instanceStarts(
  server: GraphEndpoint,
  masterId: string,
  from = '2025-01-01T00:00:00Z',
  to = '2026-12-31T00:00:00Z',
): Promise<string[]> {
  const path = `/me/events/${masterId}/instances?startDateTime=${from}&endDateTime=${to}&$top=500`;
  const { status, json } = await callJson(server, path);
  if (status !== 200) throw new Error(`instances answered ${status}: ${JSON.stringify(json)}`);
  return rows(json).map((row) => str((row['start'] as JsonObject)['dateTime']).slice(0, 16));
}
