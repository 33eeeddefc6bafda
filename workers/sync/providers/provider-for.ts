/**
 * Builds the provider of an account (calendar-provider.ts): the one place that knows which folder
 * serves which kind of account. The engine asks for it at the start of each run (`SyncEngineDeps.providerFor`).
 */
import { AppError, ErrorKind } from '../../../src/core/errors';
import type { Account, CalDavAccount } from '../../../src/core/model/account';
import type { CalendarProvider, ProviderFor } from './calendar-provider';
import { createCalDavProvider } from './caldav/caldav-provider';

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
      case 'graph':
        throw new AppError({
          kind: ErrorKind.invalidInput,
          message: `“${account.name}” is a Microsoft account: syncing Microsoft calendars is not available yet. Its calendars stay as they are on this device.`,
          retryable: false,
        });
    }
  };
}
