/**
 * How the sync worker gets a Microsoft Graph access token: it asks the page (docs/sync-rules.md rules
 * 22 and 50: MSAL runs on the page only). The page registers its token source with the worker at
 * start (`SyncApi.setTokenSource`, a Comlink proxy); the Graph provider's bearer credentials call it.
 * Answers are data, not thrown errors, so nothing is lost crossing Comlink. The service worker has no
 * token source: it leaves Graph accounts to the next open page.
 */
import { AppError, ErrorKind, type AppErrorData } from '../errors';

export interface TokenRequest {
  /** MSAL's id of the account's user (`GraphAccount.homeAccountId`). */
  readonly homeAccountId: string;
  /** The token Graph just refused (401): the source must not answer it again. */
  readonly refused: string | null;
}

export type TokenAnswer =
  | { readonly kind: 'token'; readonly accessToken: string }
  /** Only the user can fix it: sign in again (interaction required, or no signed-in account any more). */
  | { readonly kind: 'needs-sign-in' }
  /** Another failure (offline, the authority down): the sync fails and is retried as any other. */
  | { readonly kind: 'failed'; readonly error: AppErrorData };

/** The page side of the request, as the worker sees it. */
export interface TokenSource {
  token(request: TokenRequest): Promise<TokenAnswer>;
}

/** The AppError `detail` that means "sign in again" (the accounts UI and the banner read it). */
export const INTERACTION_REQUIRED = 'interaction-required';

export function signInAgainError(message: string): AppError {
  return new AppError({ kind: ErrorKind.auth, message, retryable: false, detail: INTERACTION_REQUIRED });
}

/**
 * The bearer-token function of `ProviderCredentials` (workers/sync/providers/calendar-provider.ts) for one
 * account: a token, or an AppError (auth + interaction-required when only the user can help). `source`
 * is null where no page is there to ask (the service worker).
 */
export function bearerTokenFor(
  source: () => TokenSource | null,
  homeAccountId: string,
): (refused?: string) => Promise<string> {
  return async (refused) => {
    const current = source();
    if (current === null) {
      // Not the user's doing and nothing to sign in again for: retried as if offline.
      throw new AppError({
        kind: ErrorKind.network,
        message: 'No open page to get a Microsoft token from: the account syncs when Almanac is next opened.',
        retryable: true,
        detail: 'no-token-source',
      });
    }
    const answer = await current.token({ homeAccountId, refused: refused ?? null });
    if (answer.kind === 'token') return answer.accessToken;
    if (answer.kind === 'needs-sign-in') throw signInAgainError('Microsoft needs you to sign in again.');
    throw new AppError(answer.error);
  };
}
