import { AccountsSection } from '../pages/accounts-section';
import type { SettingsPage } from '../pages/settings-page';
import type { SeededCalDav } from './caldav-server';

/** Settings › Accounts: adds the seeded Radicale account as "Other CalDAV server" with `calendar` picked. */
export async function addRadicaleAccount(
  settings: SettingsPage,
  caldav: SeededCalDav,
  calendar: string,
): Promise<AccountsSection> {
  await settings.goto();
  const accounts = new AccountsSection(settings.page);
  await accounts.findCalendars({
    serverUrl: `${caldav.server.baseUrl}/`,
    username: caldav.server.username,
    password: caldav.server.password,
  });
  await accounts.addCalendars([calendar]);
  return accounts;
}
