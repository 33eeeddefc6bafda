/** A request as a route handler sees it: path parameters and preferences already read. */
import type { ReadPreferences } from '../serialize/event-json';
import type { GraphRequest } from './graph-request';
import type { Preferences } from './prefer';

export interface RouteRequest extends GraphRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly prefer: Preferences;
  /** How events are written back: zone, body type, the owner's address. */
  readonly read: ReadPreferences;
  /** `http://127.0.0.1:<port>/v1.0`, the prefix of every link the server hands out. */
  readonly baseUrl: string;
}
