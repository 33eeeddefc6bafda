import type { BrowserContext, Page } from '@playwright/test';
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
 * authority issued, and `npm start`'s own server with the runtime configuration in its environment
 * (docs/sync-rules.md rules 50–52).
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

/** The stored Microsoft accounts, read straight from IndexedDB. */
async function graphAccounts(
  page: Page,
): Promise<{ id: string; homeAccountId: string; needsSignIn: boolean }[]> {
  return page.evaluate(
    () =>
      new Promise<{ id: string; homeAccountId: string; needsSignIn: boolean }[]>((resolve, reject) => {
        const open = indexedDB.open('almanac');
        open.onerror = () => {
          reject(new Error(open.error?.message ?? 'open failed'));
        };
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('accounts', 'readonly').objectStore('accounts').getAll();
          request.onsuccess = () => {
            db.close();
            resolve(
              (
                request.result as { id: string; kind: string; homeAccountId: string; needsSignIn: boolean }[]
              ).filter((account) => account.kind === 'graph'),
            );
          };
          request.onerror = () => {
            db.close();
            reject(new Error('read failed'));
          };
        };
      }),
  );
}

/** What the sync worker does when Microsoft wants the user (an auth failure): the account's flag. */
async function markNeedsSignIn(page: Page, accountId: string): Promise<void> {
  await page.evaluate(
    (id) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('almanac');
        open.onsuccess = () => {
          const db = open.result;
          const store = db.transaction('accounts', 'readwrite').objectStore('accounts');
          const read = store.get(id);
          read.onsuccess = () => {
            store.put({ ...(read.result as object), needsSignIn: true }).onsuccess = () => {
              db.close();
              resolve();
            };
          };
          read.onerror = () => {
            reject(new Error('read failed'));
          };
        };
      }),
    accountId,
  );
}

/** MSAL's cache entries in localStorage that name the user. */
async function msalEntriesFor(page: Page, homeAccountId: string): Promise<string[]> {
  return page.evaluate(
    (id) =>
      Object.keys(localStorage).filter(
        (key) => key.includes(id) || (localStorage.getItem(key) ?? '').includes(id),
      ),
    homeAccountId,
  );
}

test('without a client id, "Sign in with Microsoft" is disabled and says which setting is missing', async ({
  page,
}) => {
  const app = await serveApp(process.env['ALMANAC_OUT_DIR'] ?? 'dist', {});
  try {
    await page.goto(`${app.origin}/settings`);
    const accounts = new MicrosoftAccounts(page);
    await expect(accounts.signInButton).toBeDisabled();
    await expect(accounts.section.getByText(/ALMANAC_MS_CLIENT_ID/)).toBeVisible();
  } finally {
    await app.stop();
  }
});

test('"Sign in again": a banner on every page while everything stays usable, gone once the user signs in again', async ({
  microsoft,
  settings,
  dashboard,
  agenda,
  page,
}) => {
  test.setTimeout(60_000);
  await settings.goto();
  const accounts = new MicrosoftAccounts(page);
  await accounts.signIn(USER);
  await accounts.section.getByRole('button', { name: 'Add 2 calendars' }).click();
  await expect(accounts.account(`Test user ${USER}`)).toBeVisible();
  const [stored] = await graphAccounts(page);
  if (!stored) throw new Error('account not stored');

  // Microsoft's sign-in ran out (24 hours for single-page apps): the authority forgot the session and
  // the refresh token, and the sync worker marked the account.
  microsoft.authority.forgetEveryone();
  await markNeedsSignIn(page, stored.id);
  const banner = page.getByRole('region', { name: `Sign in again to Test user ${USER}` });
  // (Written outside Dexie, so no live query hears it: the next page load reads it.)
  await dashboard.goto();
  await expect(banner).toBeVisible();
  await agenda.goto('week', '2026-12-03');
  await expect(banner).toBeVisible();
  // Still editable meanwhile: the agenda's "New event" opens the editor.
  await expect(agenda.newEventButton).toBeEnabled();

  await settings.goto();
  await expect(banner).toBeVisible();
  await expect(accounts.account(`Test user ${USER}`).getByText('Needs sign-in')).toBeVisible();

  await accounts.signInThrough(banner.getByRole('button', { name: 'Sign in again' }), USER);
  await expect(banner).toHaveCount(0);
  await expect(accounts.account(`Test user ${USER}`).getByText('Connected')).toBeVisible();
  expect((await graphAccounts(page))[0]?.needsSignIn).toBe(false);
});

test('removing a Microsoft account leaves nothing behind: calendars, events, outbox, MSAL’s cached account', async ({
  microsoft,
  settings,
  page,
}) => {
  test.setTimeout(60_000);
  await settings.goto();
  const accounts = new MicrosoftAccounts(page);
  await accounts.signIn(USER);
  await accounts.section.getByRole('button', { name: 'Add 2 calendars' }).click();
  const account = accounts.account(`Test user ${USER}`);
  await expect(account).toBeVisible();
  const [stored] = await graphAccounts(page);
  if (!stored) throw new Error('account not stored');
  expect(await msalEntriesFor(page, stored.homeAccountId)).not.toEqual([]);
  expect(microsoft.graph.stats().byStatus['401'] ?? 0).toBe(0);

  await account.getByRole('button', { name: 'Remove account' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(account).toHaveCount(0);
  expect(await graphAccounts(page)).toEqual([]);
  expect(await countRows(page, 'calendars')).toBe(1); // "Personal"
  expect(await countRows(page, 'events')).toBe(0);
  expect(await countRows(page, 'outbox')).toBe(0);
  expect(await msalEntriesFor(page, stored.homeAccountId)).toEqual([]);
});
