import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Settings › Accounts, Microsoft 365 (src/pages/settings/accounts/MicrosoftSignIn.tsx and
 * GraphAccountItem.tsx), and the development login of the test authority (tests/servers/oidc).
 */
export class MicrosoftAccounts {
  readonly section: Locator;
  readonly signInButton: Locator;
  readonly accountsList: Locator;

  constructor(readonly page: Page) {
    const accounts = page.getByRole('main').getByRole('region', { name: 'Accounts', exact: true });
    this.section = accounts.getByRole('region', { name: 'Microsoft 365', exact: true });
    this.signInButton = this.section.getByRole('button', { name: 'Sign in with Microsoft', exact: true });
    this.accountsList = accounts.getByRole('list', { name: 'Your accounts' });
  }

  account(name: string): Locator {
    return this.accountsList
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { name, exact: true }) });
  }

  /** Clicks `button`, then signs in as `login` in the authority's popup (its login and consent forms). */
  async signInThrough(button: Locator, login: string): Promise<void> {
    const popupOpened = this.page.waitForEvent('popup');
    await button.click();
    const popup = await popupOpened;
    await popup.locator('input[name="login"]').fill(login);
    await popup.locator('input[name="password"]').fill('any password');
    const closed = popup.waitForEvent('close');
    await popup.getByRole('button', { name: 'Sign-in' }).click();
    // The consent form (a user's first sign-in for the app) has its own "Continue"; else the popup
    // hands the answer to the app and closes.
    const consent = popup.getByRole('button', { name: 'Continue' });
    await Promise.race([closed, consent.waitFor().catch(() => undefined)]);
    if (!popup.isClosed()) await consent.click();
    await closed;
  }

  /** Adds every calendar found ("Add N calendars"); resolves once the account is listed. */
  async addAllCalendars(count: number, accountName: string): Promise<void> {
    await this.section.getByRole('button', { name: `Add ${count} calendars`, exact: true }).click();
    await expect(this.account(accountName)).toBeVisible();
  }

  /** "Sign in with Microsoft" → the popup → the calendars found; resolves when they show. */
  async signIn(login: string): Promise<void> {
    await this.signInThrough(this.signInButton, login);
    await expect(this.section.getByRole('heading', { name: `Calendars found on ${login}` })).toBeVisible({
      timeout: 15_000,
    });
  }
}
