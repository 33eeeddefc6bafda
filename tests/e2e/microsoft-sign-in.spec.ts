import type { BrowserContext } from '@playwright/test';
import { REDIRECT_BRIDGE_PATH } from '../../src/core/config/runtime-config';
import { startGraphServer, type GraphServer } from '../servers/graph';
import { startOidcAuthority, type OidcAuthority } from '../servers/oidc/start-oidc-authority';
import { MicrosoftAccounts } from './pages/microsoft-accounts';
import { countRows } from './support/idb';
import { serveApp, type ServedApp } from './support/serve-app';
import { expect, test as base } from './support/test';

/**
 * Microsoft sign-in end to end: the real MSAL code path (popup, redirect-bridge page, token cache,
 * silent renewal) against a local OpenID Connect authority (tests/servers/oidc: oidc-provider on
 * https://127.0.0.1, MSAL's protocol mode OIDC), the Graph test server accepting only the tokens that
 * authority issued, and `npm start`'s own server with the runtime configuration in its environment.
 */
const CLIENT_ID = 'almanac-e2e';
const USER = 'ada@example.org';

interface Microsoft {
  readonly authority: OidcAuthority;
  readonly graph: GraphServer;
  readonly app: ServedApp;
}

/** Only this machine is reached: the authority's page imports a web font, which is refused here. */
async function stayOnLoopback(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
    (route) => route.abort(),
  );
}

const test = base.extend<{ microsoft: Microsoft }>({
  // The authority's certificate is made at test time (self-signed, for 127.0.0.1).
  ignoreHTTPSErrors: true,
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: none.
  microsoft: async ({}, use) => {
    const authority = await startOidcAuthority();
    const graph = await startGraphServer({ verifyToken: (token) => authority.isValidAccessToken(token) });
    graph.seed.calendar({ name: 'Team events', hexColor: '#2e7d32' });
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
    await use({ authority, graph, app });
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

test('signing in with Microsoft lists the account’s calendars with a token from the authority, and stores the account', async ({
  microsoft,
  settings,
  page,
}) => {
  test.setTimeout(60_000);
  await settings.goto();
  const accounts = new MicrosoftAccounts(page);
  await expect(accounts.signInButton).toBeEnabled();
  await accounts.signIn(USER);

  // The calendars came from Graph with a token the authority issued (Graph accepts no other).
  await expect(accounts.section.getByRole('checkbox', { name: /Calendar/ })).toBeChecked();
  await expect(accounts.section.getByRole('checkbox', { name: /Team events/ })).toBeChecked();
  expect(microsoft.graph.stats().byStatus['401'] ?? 0).toBe(0);

  await accounts.section.getByRole('button', { name: 'Add 2 calendars' }).click();
  const account = accounts.account(`Test user ${USER}`);
  await expect(account).toBeVisible();
  await expect(account.getByText(`Signed in as ${USER}`)).toBeVisible();
  expect(await countRows(page, 'calendars')).toBe(3); // "Personal" and the two picked
});
