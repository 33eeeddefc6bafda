/** The Graph-compatible test server (Node only): start it, seed it, switch its faults. */
export { startGraphServer, type GraphServer, type GraphServerOptions } from './start-graph-server';
export type { SeedApi, SeriesEdits, SeededSeries } from './seed/seed-api';
export { generateMailbox, type GenerateOptions } from './seed/generate-mailbox';
export type { ThrottleRule } from './control/throttle-rule';
export type { DeltaBehaviour } from './control/fault-switches';
export {
  ALL_GRAPH_FAULTS,
  GraphFaultKind,
  type GraphFaultPlan,
  type GraphRequestShape,
} from './control/fault-plan';
export type { InjectedEvent, InjectedStats } from './control/injected-faults';
export type { RequestStatsSnapshot } from './control/request-stats';
export { RequestKind } from './http/request-kind';
export { GRAPH_EXPOSED_HEADERS } from './http/cors';
export type { JsonObject, JsonValue } from './json';
export type { MailboxStore } from './store/mailbox-store';
export type { CalendarInput } from './store/calendars';
export type { CalendarRecord, MailboxUser } from './store/records';
export type { EventView } from './store/event-view';
