/**
 * Microsoft sign-in for the page: sign in, tokens for the sync worker, forgetting an account. MSAL itself
 * is in its own chunk (msal-session.ts), loaded on first use: the main bundle never carries it.
 */
import { AppError, ErrorKind } from '../../core/errors';
import type { MicrosoftSignInConfig } from '../../core/config/runtime-config';
import type { TokenSource } from '../../core/sync/token-request';
import { loadRuntimeConfig } from '../runtime-config';
import type { MsalSession, SignedInUser } from './msal-session';
import { createPageTokenSource } from './page-token-source';
import { SignInDetail } from './sign-in-detail';

export type { SignedInUser };

/** Whether sign-in can be offered, and if not, why (the button says what to fix). */
export type SignInAvailability =
  | { readonly kind: 'ready'; readonly config: MicrosoftSignInConfig }
  | { readonly kind: 'no-client-id' }
  | { readonly kind: 'invalid-config'; readonly variable: string | null }
  | { readonly kind: 'config-unavailable' };

export async function signInAvailability(): Promise<SignInAvailability> {
  const state = await loadRuntimeConfig();
  if (state.kind === 'unavailable') return { kind: 'config-unavailable' };
  if (state.kind === 'invalid') return { kind: 'invalid-config', variable: state.problem.variable };
  if (state.config.microsoft.clientId === null) return { kind: 'no-client-id' };
  return { kind: 'ready', config: state.config.microsoft };
}

let session: Promise<MsalSession> | null = null;

async function openSession(): Promise<MsalSession> {
  const available = await signInAvailability();
  if (available.kind !== 'ready' || available.config.clientId === null) {
    throw new AppError({
      kind: ErrorKind.auth,
      message: 'Microsoft sign-in is not configured on this server (ALMANAC_MS_CLIENT_ID).',
      retryable: false,
      detail: SignInDetail.notConfigured,
    });
  }
  const { createMsalSession } = await import('./msal-session');
  return createMsalSession({ ...available.config, clientId: available.config.clientId }, location.origin);
}

/** The page's one MSAL session, opened on first use; a failed opening is tried again next time. */
function msal(): Promise<MsalSession> {
  session ??= openSession().catch((error: unknown) => {
    session = null;
    throw error;
  });
  return session;
}

/** Loads MSAL ahead of a click, so the sign-in popup opens within the click's user activation. */
export function prepareMicrosoftSignIn(): void {
  msal().catch(() => undefined);
}

/**
 * Sign-in in a popup. Why a popup: in an installed app a redirect sends the app's own window away to
 * Microsoft and back (a full reload; some systems finish it in the browser rather than the app), while
 * a popup leaves the app as it was, and v5's redirect bridge brings the answer back even when the
 * authority cuts the popup off from its opener. `loginHint`: the account's sign-in name when signing in again.
 */
export async function signIn(loginHint: string | null = null): Promise<SignedInUser> {
  return (await msal()).signIn(loginHint);
}

/** A Graph access token for the account (a new one when `refused` was just refused by Graph). */
export async function tokenFor(homeAccountId: string, refused: string | null = null): Promise<string> {
  return (await msal()).token(homeAccountId, refused);
}

/** Forgets the account's tokens and cached account on this device (no navigation). */
export async function forgetMicrosoftAccount(homeAccountId: string): Promise<void> {
  const available = await signInAvailability();
  // Never configured here: MSAL never cached anything for it on this origin.
  if (available.kind !== 'ready') return;
  await (await msal()).forget(homeAccountId);
}

/** The page's token source for the sync worker (src/core/sync/token-request.ts). */
export const pageTokenSource: TokenSource = createPageTokenSource({
  tokenFor,
  needsSignIn: async (homeAccountId) => {
    const { markNeedsSignIn, listGraphAccounts } = await import('../../core/accounts/graph-account-repo');
    const { db } = await import('../db');
    for (const account of await listGraphAccounts(db)) {
      if (account.homeAccountId === homeAccountId) await markNeedsSignIn(db, account.id);
    }
  },
});
