import { addRadicaleAccount } from './support/caldav-flows';
import { TEAM, expect, test } from './support/caldav-test';

/**
 * Settings › Accounts (issue 12 point 6): a new account is named after its provider, not its host;
 * renaming it is saved at once and the new name shows wherever the account is named.
 */
test('an account gets its provider’s name, and a rename shows at once and stays', async ({
  caldav,
  settings,
  page,
}) => {
  test.setTimeout(60_000);
  const accounts = await addRadicaleAccount(settings, caldav, TEAM);
  const account = accounts.accountsList.getByRole('listitem').filter({ hasText: 'Account name' }).first();
  const name = account.getByLabel('Account name', { exact: true });
  // "Other CalDAV server": named "CalDAV", the host only in the "user on server" line.
  await expect(name).toHaveValue('CalDAV');
  await expect(account.getByRole('heading', { level: 3 })).toHaveText('CalDAV');

  await name.fill('Work');
  await name.press('Tab');
  await expect(account.getByRole('heading', { level: 3, name: 'Work' })).toBeVisible();
  // The removal question names it too.
  await account.getByRole('button', { name: 'Remove account', exact: true }).click();
  const removal = page.getByRole('alertdialog', { name: 'Remove Work?' });
  await expect(removal).toBeVisible();
  await removal.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(removal).toBeHidden();

  await name.fill('   ');
  await name.press('Tab');
  await expect(account.getByText('Give the account a name, for example Work or Nextcloud.')).toBeVisible();

  await page.reload();
  await expect(
    settings.main
      .getByRole('list', { name: 'Your accounts' })
      .getByRole('heading', { level: 3, name: 'Work' }),
  ).toBeVisible();
});
