import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js';
import type { MeetingLink } from '../../core/meetings/meeting-link';
import type { OccurrenceId } from '../../core/model/ids';
import type { OccurrenceRecord } from '../../core/model/occurrence';

const NONE: ReadonlyMap<OccurrenceId, MeetingLink> = new Map();

/**
 * The meeting links of `occurrences` (join-candidates.ts), read again whenever the list is new (the
 * upcoming query re-runs on every change to the occurrences, so an edited link follows). Until they
 * are read, and for an empty list, none: ical.js is fetched only when there is something to read.
 */
export function useMeetingLinks(
  occurrences: Accessor<readonly OccurrenceRecord[]>,
): Accessor<ReadonlyMap<OccurrenceId, MeetingLink>> {
  const [links, setLinks] = createSignal(NONE);
  createEffect(() => {
    const list = occurrences();
    if (list.length === 0) {
      setLinks(NONE);
      return;
    }
    let current = true;
    onCleanup(() => {
      current = false;
    });
    import('./meeting-links')
      .then(({ meetingLinksFor }) => meetingLinksFor(list))
      .then(
        (found) => {
          if (current) setLinks(found);
        },
        () => {
          // The links could not be read (the chunk or the database): the list shows without "Join".
          if (current) setLinks(NONE);
        },
      );
  });
  return links;
}
