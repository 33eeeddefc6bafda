/**
 * Builds the provider of an account (calendar-provider.ts): the one place that knows which folder
 * serves which kind of account. The engine asks for it at the start of each run (`SyncEngineDeps.providerFor`).
 */
import type { CoreContext } from '../../../src/core/context';
import type { AlmanacDb } from '../../../src/core/db/almanac-db';
import { AppError, ErrorKind } from '../../../src/core/errors';
import type { Account, CalDavAccount } from '../../../src/core/model/account';
import { getWindow } from '../../../src/core/occurrences/window';
import type { CalendarProvider, ProviderFor } from './calendar-provider';
import { createCalDavProvider } from './caldav/caldav-provider';
import { createGraphProvider } from './graph/graph-provider';
import { dexieProviderState } from './graph/provider-state';

export type RemoteAccount = Exclude<Account, { kind: 'local' }>;

export interface ProviderForDeps {
  /** Reaches CalDAV servers (through the CORS proxy in the app; direct or proxied in tests). */
  readonly fetch: typeof fetch;
  readonly now: () => number;
  /** A CalDAV account's login (its stored password, decrypted); throws AppError auth when there is none. */
  readonly login: (
    account: CalDavAccount,
  ) => Promise<{ readonly username: string; readonly password: string }>;
  /** Objects per CalDAV calendar-multiget (tests and the benchmark; default: the provider's own). */
  readonly multigetBatchSize?: number;
  /** What Microsoft 365 accounts need; absent where they never sync (the service worker: their
   *  tokens come from an open page), and then a Graph account's run fails with a clear error. */
  readonly graph?: GraphProviderForDeps;
}

export interface GraphProviderForDeps {
  /** The platform's own fetch: Graph sends CORS headers and is reached directly, never through the proxy. */
  readonly fetch: typeof fetch;
  /** The bearer token of an account's user, asked of the page (graph-accounts.ts `tokenFor`). */
  readonly tokenFor: (homeAccountId: string) => (refused?: string) => Promise<string>;
  /** The database and context of the materialised window and of the provider's own state. */
  readonly db: AlmanacDb;
  readonly ctx: CoreContext;
  /** Waits between retries (default: setTimeout); the convergence test moves its clock instead. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** [0, 1) for the backoff's jitter (default: Math.random); seeded where a run must replay. */
  readonly random?: () => number;
}

export function createProviderFor(deps: ProviderForDeps): ProviderFor {
  return async (account): Promise<CalendarProvider> => {
    switch (account.kind) {
      case 'caldav':
        return createCalDavProvider(account, {
          fetch: deps.fetch,
          now: deps.now,
          credentials: { kind: 'basic', ...(await deps.login(account)) },
          ...(deps.multigetBatchSize !== undefined ? { multigetBatchSize: deps.multigetBatchSize } : {}),
        });
      case 'graph': {
        const graph = deps.graph;
        if (!graph) {
          throw new AppError({
            kind: ErrorKind.invalidInput,
            message: `“${account.name}” is a Microsoft account: it syncs from an open Almanac page. Its edits wait until then.`,
            retryable: false,
          });
        }
        return createGraphProvider({
          fetch: graph.fetch,
          now: deps.now,
          credentials: { kind: 'bearer', token: graph.tokenFor(account.homeAccountId) },
          baseUrl: account.graphBaseUrl.replace(/\/+$/, ''),
          window: async () => {
            const window = await getWindow(graph.db, graph.ctx);
            return { start: window.from, end: window.to };
          },
          state: dexieProviderState(graph.db, account.id),
          ...(graph.sleep ? { sleep: graph.sleep } : {}),
          ...(graph.random ? { random: graph.random } : {}),
        });
      }
    }
  };
}
