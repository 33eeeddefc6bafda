/**
 * The UI's one write path. Each command validates first, then runs in one read-write transaction over
 * events, occurrences and outbox (plus the calendars it checks), so a change and the outbox entry
 * that carries it to a server are written together or not at all.
 */
export { createEvent, type CreateEventInput } from './commands/create-event';
export { loadEventForEditing, type EventForEditing } from './commands/load-event-for-editing';
export { loadEventDetails, type EventForDetails } from './commands/load-event-details';
export { editOccurrence, type EditOccurrenceInput } from './commands/edit-occurrence';
export { moveOccurrence, movedTiming, type MoveOccurrenceInput } from './commands/move-occurrence';
export { deleteOccurrence, type DeleteOccurrenceInput } from './commands/delete-occurrence';
export { commitOnce, COMMITTED_WRITES_KEY } from './commands/commit-once';
