/**
 * MSAL on the page (docs/sync-rules.md rules 50–52): the one PublicClientApplication, in its own chunk
 * (loaded by microsoft-auth.ts on first use; the main bundle never carries MSAL). Sign-in is a popup
 * whose answer comes back through the redirect-bridge page; tokens are renewed silently with the refresh
 * token, else MSAL's hidden iframe; what only the user can fix becomes "sign in again".
 */
import {
  BrowserCacheLocation,
  createStandardPublicClientApplication,
  ProtocolMode,
  type AccountInfo,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import {
  REDIRECT_BRIDGE_PATH,
  SignInProtocol,
  type MicrosoftSignInConfig,
} from '../../core/config/runtime-config';
import { signInAgainError } from '../../core/sync/token-request';
import { toSignInError } from './msal-errors';

/** What Almanac asks of Microsoft Graph (README.md, "Microsoft 365": the app registration's permissions).
 *  MSAL adds openid, profile and offline_access itself. */
export const GRAPH_SCOPES: readonly string[] = [
  'Calendars.ReadWrite',
  'Mail.ReadWrite',
  'Mail.Send',
  'User.Read',
];

export interface SignedInUser {
  /** MSAL's id of the user, kept on the account to ask for its tokens. */
  readonly homeAccountId: string;
  /** The sign-in name (user principal name or email). */
  readonly username: string;
  /** The display name, else the sign-in name. */
  readonly name: string;
}

export interface MsalSession {
  /** Opens Microsoft's sign-in in a popup; call it straight from a click (popup blockers). */
  signIn(loginHint: string | null): Promise<SignedInUser>;
  /** A fresh access token for Graph; a new one (never `refused`) when Graph refused the last. */
  token(homeAccountId: string, refused: string | null): Promise<string>;
  /** Forgets the user's cached tokens and account on this device, without leaving the page. */
  forget(homeAccountId: string): Promise<void>;
}

export type ConfiguredSignIn = MicrosoftSignInConfig & { readonly clientId: string };

function userOf(account: AccountInfo): SignedInUser {
  return {
    homeAccountId: account.homeAccountId,
    username: account.username,
    name: account.name !== undefined && account.name !== '' ? account.name : account.username,
  };
}

async function wrapped<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toSignInError(error);
  }
}

function sessionOver(app: IPublicClientApplication): MsalSession {
  const scopes = [...GRAPH_SCOPES];
  const accountOf = (homeAccountId: string): AccountInfo | null => app.getAccount({ homeAccountId });
  return {
    signIn: (loginHint) =>
      wrapped(async () => {
        // No `prompt`: the authority shows its account picker when it holds several sessions.
        const result = await app.loginPopup({ scopes, ...(loginHint === null ? {} : { loginHint }) });
        return userOf(result.account);
      }),
    token: (homeAccountId, refused) =>
      wrapped(async () => {
        const account = accountOf(homeAccountId);
        // Site data cleared, or signed out in another tab: only a new sign-in brings the account back.
        if (account === null) throw signInAgainError('This device no longer holds the Microsoft sign-in.');
        const first = await app.acquireTokenSilent({ scopes, account, forceRefresh: refused !== null });
        if (first.accessToken !== refused) return first.accessToken;
        return (await app.acquireTokenSilent({ scopes, account, forceRefresh: true })).accessToken;
      }),
    forget: (homeAccountId) =>
      wrapped(async () => {
        const account = accountOf(homeAccountId);
        if (account !== null) await app.clearCache({ account });
      }),
  };
}

export async function createMsalSession(config: ConfiguredSignIn, origin: string): Promise<MsalSession> {
  const app = await wrapped(() =>
    createStandardPublicClientApplication({
      auth: {
        clientId: config.clientId,
        authority: config.authority,
        knownAuthorities: [...config.knownAuthorities],
        redirectUri: `${origin}${REDIRECT_BRIDGE_PATH}`,
      },
      // Tokens outlive a reload and are shared by the app's tabs (msal-browser encrypts this cache).
      cache: { cacheLocation: BrowserCacheLocation.LocalStorage },
      system: {
        protocolMode: config.protocol === SignInProtocol.oidc ? ProtocolMode.OIDC : ProtocolMode.AAD,
      },
    }),
  );
  return sessionOver(app);
}
