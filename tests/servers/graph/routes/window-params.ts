/** `startDateTime` / `endDateTime`, required by calendarView, its delta's first call and instances. */
import { GraphErrors, fail, ok, type Result } from '../graph-error';
import { param } from '../http/graph-request';
import type { RouteRequest } from '../http/route-request';
import { parseInstant } from '../time/wall-clock';

export interface TimeWindow {
  readonly fromMs: number;
  readonly toMs: number;
}

export function readWindow(request: RouteRequest): Result<TimeWindow> {
  const start = param(request.query, 'startDateTime');
  const end = param(request.query, 'endDateTime');
  const fromMs = start === null ? null : parseInstant(start);
  const toMs = end === null ? null : parseInstant(end);
  if (fromMs === null || toMs === null || toMs <= fromMs) {
    return fail(
      GraphErrors.invalidParameter(
        'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
      ),
    );
  }
  return ok({ fromMs, toMs });
}
