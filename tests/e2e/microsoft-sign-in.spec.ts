import { MicrosoftAccounts } from './pages/microsoft-accounts';
import { countRows } from './support/idb';
import { ACCOUNT_NAME, expect, test, USER } from './support/microsoft-test';
import { graphAccounts, markNeedsSignIn, theGraphAccount } from './support/microsoft-state';
import { serveApp } from './support/serve-app';

/**
 * Microsoft sign-in end to end: the real MSAL code path (popup, redirect-bridge page, token cache,
 * silent renewal) against a local OpenID Connect authority, the Graph test server accepting only the
 * tokens that authority issued, and `npm start`'s own server with the runtime configuration in its
 * environment (tests/e2e/support/microsoft-test.ts; docs/sync-rules.md rules 50–52). The calendars
 * themselves (events, edits each way, offline, a refused token, removal) are microsoft-calendars.spec.ts.
 */
// Budget: each test here signs in through the OpenID authority and runs a first Graph sync before its
// own round trips: 8–11 s on an idle machine, 31–36 s with two suites side by side at load 18 (2026-12-03),
// past the default 30 s while still progressing; the app itself is idle between steps.
test.describe.configure({ timeout: 60_000 });

test('signing in with Microsoft lists the account’s calendars with a token from the authority, and stores the account', async ({
  microsoft,
  settings,
  page,
}) => {
  await settings.goto();
  const accounts = new MicrosoftAccounts(page);
  await expect(accounts.signInButton).toBeEnabled();
  await accounts.signIn(USER);

  // The calendars came from Graph with a token the authority issued (Graph accepts no other).
  await expect(accounts.section.getByRole('checkbox', { name: /Calendar/ })).toBeChecked();
  await expect(accounts.section.getByRole('checkbox', { name: /Team events/ })).toBeChecked();
  expect(microsoft.graph.stats().byStatus['401'] ?? 0).toBe(0);

  await accounts.section.getByRole('button', { name: 'Add 2 calendars' }).click();
  const account = accounts.account(ACCOUNT_NAME);
  await expect(account).toBeVisible();
  await expect(account.getByText(`Signed in as ${USER}`)).toBeVisible();
  expect(await countRows(page, 'calendars')).toBe(3); // "Personal" and the two picked
});

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
  await settings.goto();
  const accounts = new MicrosoftAccounts(page);
  await accounts.signIn(USER);
  await accounts.section.getByRole('button', { name: 'Add 2 calendars' }).click();
  await expect(accounts.account(ACCOUNT_NAME)).toBeVisible();
  const stored = await theGraphAccount(page);

  // Microsoft's sign-in ran out (24 hours for single-page apps): the authority forgot the session and
  // the refresh token, and the sync worker marked the account.
  microsoft.authority.forgetEveryone();
  await markNeedsSignIn(page, stored.id);
  const banner = page.getByRole('region', { name: `Sign in again to ${ACCOUNT_NAME}` });
  // (Written outside Dexie, so no live query hears it: the next page load reads it.)
  await dashboard.goto();
  await expect(banner).toBeVisible();
  await agenda.goto('week', '2026-12-03');
  await expect(banner).toBeVisible();
  // Still editable meanwhile: the agenda's "New event" opens the editor.
  await expect(agenda.newEventButton).toBeEnabled();

  await settings.goto();
  await expect(banner).toBeVisible();
  await expect(accounts.account(ACCOUNT_NAME).getByText('Needs sign-in')).toBeVisible();

  await accounts.signInThrough(banner.getByRole('button', { name: 'Sign in again' }), USER);
  await expect(banner).toHaveCount(0);
  await expect(accounts.account(ACCOUNT_NAME).getByText('Connected')).toBeVisible();
  expect((await graphAccounts(page))[0]?.needsSignIn).toBe(false);
});
