/**
 * The page's answer to the sync worker's token requests (src/core/sync/token-request.ts): a token, or
 * "needs sign-in" when only the user can help, in which case the accounts of that user are marked at
 * once, so "Sign in again" shows on every page (docs/sync-rules.md rule 51) whatever the worker does
 * next; any other failure goes back as data.
 */
import { ErrorKind, toAppErrorData } from '../../core/errors';
import { INTERACTION_REQUIRED, type TokenSource } from '../../core/sync/token-request';

export interface PageTokenSourceDeps {
  readonly tokenFor: (homeAccountId: string, refused: string | null) => Promise<string>;
  readonly needsSignIn: (homeAccountId: string) => Promise<void>;
}

export function createPageTokenSource(deps: PageTokenSourceDeps): TokenSource {
  return {
    async token(request) {
      try {
        return { kind: 'token', accessToken: await deps.tokenFor(request.homeAccountId, request.refused) };
      } catch (error) {
        const data = toAppErrorData(error);
        if (data.kind !== ErrorKind.auth || data.detail !== INTERACTION_REQUIRED)
          return { kind: 'failed', error: data };
        await deps.needsSignIn(request.homeAccountId).catch(() => undefined);
        return { kind: 'needs-sign-in' };
      }
    },
  };
}
