/**
 * Which versions of an object the user deleted. A delete's outbox entry carries the deleted event's
 * last synced text (`baseIcs`) and the text its last unconfirmed write sent (`sentIcs`: the server
 * may hold it though the answer was lost). The server's copy equal to one of them (normalised, docs/sync-rules.md rule 2)
 * is what the user deleted; anything else is an edit made since, which wins (rule 4).
 */
import type { OutboxEntry } from '../../../src/core/model/outbox';
import { sameContent } from './normalise';

/**
 * true / false, or null when the entry carries no version to compare (entries older than these fields).
 * `holdsSent` is the provider's (CalendarProvider.holdsSent): Graph gives back its own text for what
 * was sent, and may hold a series written part way, so a plain text comparison would take a version
 * the user deleted for an edit.
 */
export function isUsersVersion(
  entry: Pick<OutboxEntry, 'baseIcs' | 'sentIcs' | 'mayHaveArrived'>,
  ics: string,
  holdsSent: (sent: readonly string[], server: string) => boolean = (sent, server) =>
    sent.some((text) => sameContent(text, server)),
): boolean | null {
  const versions = [entry.baseIcs, entry.sentIcs, ...(entry.mayHaveArrived ?? [])].filter(
    (text): text is string => typeof text === 'string',
  );
  if (versions.length === 0) return null;
  return holdsSent(versions, ics);
}
