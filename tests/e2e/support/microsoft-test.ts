import type { BrowserContext } from '@playwright/test';
import { REDIRECT_BRIDGE_PATH } from '../../../src/core/config/runtime-config';
import { startGraphServer, type GraphServer } from '../../servers/graph';
import { startOidcAuthority, type OidcAuthority } from '../../servers/oidc/start-oidc-authority';
import { serveApp, type ServedApp } from './serve-app';
import { test as base } from './test';

/**
 * `test` for the Microsoft 365 specs: each test gets a local OpenID Connect authority
 * (tests/servers/oidc: oidc-provider on https://127.0.0.1, MSAL's protocol mode OIDC), the Graph test
 * server accepting only the tokens that authority issued (its default calendar "Calendar" and "Team
 * events", green), and `npm start`'s own server with the runtime configuration in its environment
 * (docs/sync-rules.md rules 50–52); `baseURL` points at it. All three stop when the test ends.
 */
export const CLIENT_ID = 'almanac-e2e';
/** The user the authority's development login signs in ("Test user <login>" is the name it gives). */
export const USER = 'ada@example.org';
export const ACCOUNT_NAME = `Test user ${USER}`;
export const TEAM_EVENTS = { name: 'Team events', hexColor: '#2e7d32' } as const;

export interface Microsoft {
  readonly authority: OidcAuthority;
  readonly graph: GraphServer;
  readonly app: ServedApp;
  /** The Graph id of "Team events". */
  readonly teamEventsId: string;
}

/** Only this machine is reached: the authority's page imports a web font, which is refused here. */
async function stayOnLoopback(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
    (route) => route.abort(),
  );
}

export const test = base.extend<{ microsoft: Microsoft }>({
  // The authority's certificate is made at test time (self-signed, for 127.0.0.1).
  ignoreHTTPSErrors: true,
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: none.
  microsoft: async ({}, use) => {
    const authority = await startOidcAuthority();
    const graph = await startGraphServer({ verifyToken: (token) => authority.isValidAccessToken(token) });
    const team = graph.seed.calendar(TEAM_EVENTS);
    const app = await serveApp(process.env['ALMANAC_OUT_DIR'] ?? 'dist', {
      ALMANAC_MS_CLIENT_ID: CLIENT_ID,
      ALMANAC_MS_AUTHORITY: authority.issuer,
      ALMANAC_MS_KNOWN_AUTHORITIES: authority.host,
      ALMANAC_MS_PROTOCOL_MODE: 'OIDC',
      ALMANAC_GRAPH_BASE_URL: graph.baseUrl,
    });
    authority.register({
      clientId: CLIENT_ID,
      redirectUri: `${app.origin}${REDIRECT_BRIDGE_PATH}`,
      origin: app.origin,
    });
    await use({ authority, graph, app, teamEventsId: team.id });
    await app.stop();
    await graph.stop();
    await authority.stop();
  },
  baseURL: async ({ microsoft }, use) => {
    await use(microsoft.app.origin);
  },
  context: async ({ context }, use) => {
    await stayOnLoopback(context);
    await use(context);
  },
});

export { expect } from './test';
