import { expect, type Locator, type Page } from '@playwright/test';

export interface CalDavLoginFields {
  readonly serverUrl: string;
  readonly username: string;
  readonly password: string;
}

/** Settings › Accounts (src/pages/settings/accounts): the accounts and the "Add account" flow. */
export class AccountsSection {
  readonly section: Locator;
  readonly addFlow: Locator;
  readonly provider: Locator;
  readonly serverUrl: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly addAccountButton: Locator;
  readonly accountsList: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('main').getByRole('region', { name: 'Accounts', exact: true });
    this.addFlow = this.section.getByRole('region', { name: 'Add account', exact: true });
    this.provider = this.addFlow.getByLabel('Provider', { exact: true });
    this.serverUrl = this.addFlow.getByLabel('Server URL', { exact: true });
    this.username = this.addFlow.getByLabel('Username', { exact: true });
    this.password = this.addFlow.getByLabel('Password', { exact: true });
    this.addAccountButton = this.addFlow.getByRole('button', { name: 'Add account', exact: true });
    this.accountsList = this.section.getByRole('list', { name: 'Your accounts' });
  }

  /** Step 1: "Other CalDAV server", the login, "Add account"; resolves when the calendars found show. */
  async findCalendars(login: CalDavLoginFields): Promise<void> {
    await this.provider.selectOption({ label: 'Other CalDAV server' });
    await this.serverUrl.fill(login.serverUrl);
    await this.username.fill(login.username);
    await this.password.fill(login.password);
    await this.addAccountButton.click();
    await expect(this.addFlow.getByRole('heading', { name: /^Calendars found on / })).toBeVisible({
      timeout: 15_000,
    });
  }

  /** A calendar found by discovery (its checkbox is named by its colour swatch and its name). */
  foundCalendar(name: string): Locator {
    return this.addFlow.getByRole('checkbox', { name: new RegExp(`${escapeRegExp(name)}$`) });
  }

  /** Step 2: keeps exactly `names` checked and confirms ("Add 1 calendar", "Add 2 calendars"). */
  async addCalendars(names: readonly string[]): Promise<void> {
    const all = this.addFlow.getByRole('checkbox');
    for (const box of await all.all()) {
      const label = (await box.evaluate((el) => el.closest('div')?.textContent ?? '')).trim();
      await box.setChecked(names.some((name) => label.endsWith(name)));
    }
    await this.addFlow.getByRole('button', { name: /^Add \d+ calendars?$/ }).click();
    await expect(this.section.getByText(/was added\. Its calendars are syncing\./)).toBeVisible({
      timeout: 15_000,
    });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
