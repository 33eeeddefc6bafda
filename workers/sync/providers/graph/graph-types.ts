/**
 * The Microsoft Graph JSON we read and write for calendars, and the validators that read it at the
 * edge (docs/sync-rules.md rules 42 and 45): the one place the provider and the mapping import them
 * from. Shapes and enums in graph-shapes.ts, event validators in read-graph-event.ts, pages and
 * calendars in read-graph-pages.ts, the readers and GraphShapeError in graph-json.ts.
 */
export * from './graph-shapes';
export { readGraphEvent, readLocation, readRecurrence } from './read-graph-event';
export {
  readGraphCalendar,
  readGraphCollectionPage,
  readGraphDeltaPage,
  readGraphDeltaRow,
} from './read-graph-pages';
export { GraphShapeError, isGraphShapeError } from './graph-json';
