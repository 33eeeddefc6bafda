import type { Accessor } from 'solid-js';
import { listCalendars } from '../../core/calendars/calendar-repo';
import type { Calendar } from '../../core/model/calendar';
import { db } from '../../lib/db';
import { createLiveQuery } from '../../lib/live-query';

/** All calendars in sidebar order, live (empty while loading or after a read error). */
export function useCalendars(): Accessor<readonly Calendar[]> {
  const result = createLiveQuery(() => listCalendars(db));
  return () => {
    const current = result();
    return current.state === 'ready' ? current.value : [];
  };
}
