/**
 * A local OpenID Connect authority for the Microsoft sign-in e2e: `oidc-provider` (the field's certified
 * provider) on https://127.0.0.1:<port>, set as MSAL's authority with protocol mode OIDC (README.md,
 * "Configuration"). Its development login form takes any user name (the password is not checked); the
 * access tokens it issues are opaque, and the Graph test server accepts them by asking it
 * (`verifyToken`). `forgetEveryone()` ends every session, grant and token: the sign-in has run out.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { memoryAdapter, MemoryStore } from './memory-adapter';
import { selfSignedCertificate } from './self-signed-cert';

/** What the app asks for (src/lib/microsoft/msal-session.ts, GRAPH_SCOPES) and what MSAL adds. */
const SCOPES = [
  'openid',
  'profile',
  'email',
  'offline_access',
  'Calendars.ReadWrite',
  'Mail.ReadWrite',
  'Mail.Send',
  'User.Read',
];

export interface OidcClient {
  readonly clientId: string;
  /** The app's redirect-bridge page (REDIRECT_BRIDGE_PATH on the app's origin). */
  readonly redirectUri: string;
  /** The app's origin, allowed to call the token endpoint (CORS). */
  readonly origin: string;
}

export interface OidcAuthority {
  /** `https://127.0.0.1:<port>`: the issuer and MSAL's authority. */
  readonly issuer: string;
  /** `127.0.0.1:<port>`: what MSAL's knownAuthorities must list. */
  readonly host: string;
  /** Registers the app (known only once the app is served) and starts answering. */
  register(client: OidcClient): void;
  /** Whether the authority issued `token` and it is still valid. */
  isValidAccessToken(token: string): Promise<boolean>;
  /** Ends every session, grant and token (the refresh token included). */
  forgetEveryone(): void;
  stop(): Promise<void>;
}

function providerFor(issuer: string, client: OidcClient, store: MemoryStore): Provider {
  return new Provider(issuer, {
    adapter: memoryAdapter(store),
    clients: [
      {
        client_id: client.clientId,
        redirect_uris: [client.redirectUri],
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        application_type: 'web',
      },
    ],
    scopes: SCOPES,
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email'] },
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: () => ({ sub, name: `Test user ${sub}`, preferred_username: sub, email: sub }),
    }),
    features: { devInteractions: { enabled: true } },
    // The name and user name in the ID token, as Entra puts them there (MSAL's account reads them).
    conformIdTokenClaims: false,
    // The app's page calls the token endpoint across origins.
    clientBasedCORS: (_ctx, origin) => origin === client.origin,
    // A refresh token whatever the prompt (oidc-provider drops offline_access unless prompt=consent).
    issueRefreshToken: (_ctx, registered) => Promise.resolve(registered.grantTypeAllowed('refresh_token')),
    cookies: { keys: ['almanac-e2e-only'] },
    pkce: { required: () => true },
  });
}

export async function startOidcAuthority(): Promise<OidcAuthority> {
  const store = new MemoryStore();
  let provider: Provider | null = null;
  const server: Server = createServer(selfSignedCertificate(), (req, res) => {
    if (provider === null) {
      res.writeHead(503, { 'Content-Type': 'text/plain' }).end('No client registered yet.');
      return;
    }
    void provider.callback()(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `https://${host}`;
  return {
    issuer,
    host,
    register(client) {
      provider = providerFor(issuer, client, store);
    },
    async isValidAccessToken(token) {
      if (provider === null) return false;
      const found = await provider.AccessToken.find(token);
      return found !== undefined && !found.isExpired;
    },
    forgetEveryone() {
      store.clear();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
