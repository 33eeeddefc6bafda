/**
 * The sync worker's Microsoft 365 accounts: the page's token source (docs/sync-rules.md rules 22 and
 * 50: MSAL runs on the page, the worker asks it through the contract), the calendars of a newly
 * signed-in account (the Graph provider's discovery) and storing the account. Graph is reached
 * directly (it sends CORS headers), never through the CalDAV proxy.
 */
import { saveGraphAccount } from '../../src/core/accounts/graph-account-repo';
import { AppError, ErrorKind } from '../../src/core/errors';
import type { CoreContext } from '../../src/core/context';
import type { AlmanacDb } from '../../src/core/db/almanac-db';
import type { AccountId } from '../../src/core/model/ids';
import type {
  DiscoveredCalendar,
  GraphDiscoveryInput,
  NewGraphAccountInput,
} from '../../src/core/sync/sync-api';
import { bearerTokenFor, type TokenSource } from '../../src/core/sync/token-request';
import { discoverCalendars } from './providers/graph/calendars';
import { createGraphClient } from './providers/graph/graph-client';

export interface GraphAccountsDeps {
  readonly db: AlmanacDb;
  /** The platform's own fetch: Graph is called directly, not through the CORS proxy. */
  readonly fetch: typeof fetch;
  readonly ctx: CoreContext;
  readonly random: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

export interface GraphAccounts {
  /** The page registered (or replaced) its token source. */
  setTokenSource(source: TokenSource): void;
  /** The bearer-token function of an account's provider credentials. */
  tokenFor(homeAccountId: string): (refused?: string) => Promise<string>;
  discover(input: GraphDiscoveryInput): Promise<DiscoveredCalendar[]>;
  save(input: NewGraphAccountInput, calendars: readonly DiscoveredCalendar[]): Promise<AccountId>;
}

export function createGraphAccounts(deps: GraphAccountsDeps): GraphAccounts {
  let source: TokenSource | null = null;
  const tokenFor = (homeAccountId: string) => bearerTokenFor(() => source, homeAccountId);
  return {
    setTokenSource(next) {
      source = next;
    },
    tokenFor,
    discover: (input) =>
      discoverCalendars(
        createGraphClient({
          fetch: deps.fetch,
          baseUrl: input.graphBaseUrl,
          token: tokenFor(input.homeAccountId),
          sleep: deps.sleep,
          now: deps.ctx.now,
          random: deps.random,
        }),
      ),
    save: (input, calendars) =>
      saveGraphAccount(
        deps.db,
        {
          homeAccountId: input.homeAccountId,
          username: input.username,
          name: input.name,
          graphBaseUrl: input.graphBaseUrl,
          calendars,
        },
        deps.ctx,
      ),
  };
}

/** Where no Microsoft account can be added (a service without Graph): discovery says so. */
export const noGraph: Pick<GraphAccounts, 'discover'> = {
  discover: () =>
    Promise.reject(
      new AppError({
        kind: ErrorKind.invalidInput,
        message: 'Microsoft accounts are added from an open Almanac page.',
        retryable: false,
      }),
    ),
};
