import { AgendaPage } from './pages/agenda-page';
import { dialogNamed } from './pages/dialogs';
import { expect, test } from './support/test';

/**
 * Words (issue 12 point 8): counts through Intl.PluralRules in French, and the built-in calendar named
 * in the UI's language until the user renames it.
 */
test('the built-in calendar follows the language until renamed, and French counts are French', async ({
  page,
  settings,
}) => {
  const agenda = new AgendaPage(page);
  const sidebar = page
    .getByRole('complementary', { name: /^(Calendars|Calendriers)$/ })
    .or(page.getByRole('region', { name: /^(Calendars|Calendriers)$/ }));
  await agenda.goto('week', '2026-03-11');
  await expect(sidebar.getByRole('checkbox', { name: 'Personal', exact: true })).toBeChecked();

  await settings.goto();
  await settings.chooseLanguage('Français');
  await page.goto('/agenda/week/2026-03-11?new=2026-03-11T10:00');
  await expect(sidebar.getByRole('checkbox', { name: 'Personnel', exact: true })).toBeChecked();
  const editor = dialogNamed(page, 'Nouvel événement');
  await editor.getByLabel('Titre', { exact: true }).fill('Réunion');
  await editor.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(editor).toBeHidden();

  // One event exported: "1 événement", not "1 événements" (nor the English "(1 events)").
  await page.goto('/import');
  await page.getByRole('main').getByLabel('Calendrier', { exact: true }).selectOption({ label: 'Personnel' });
  const download = page.waitForEvent('download');
  await page.getByRole('main').getByRole('button', { name: 'Exporter le calendrier', exact: true }).click();
  expect((await download).suggestedFilename()).toBe('Personnel.ics');
  await expect(page.getByRole('main').getByText('Personnel.ics est téléchargé (1 événement).')).toBeVisible();

  // Renamed by the user, it keeps that name in every language.
  await settings.goto();
  await settings.main.getByLabel('Langue', { exact: true }).selectOption({ label: 'English' });
  await agenda.goto('week', '2026-03-11');
  await expect(sidebar.getByRole('checkbox', { name: 'Personal', exact: true })).toBeChecked();
  await sidebar.getByRole('button', { name: 'Edit calendar Personal', exact: true }).click();
  const dialog = agenda.calendarDialog();
  await dialog.name.fill('Home');
  await dialog.save();
  await expect(sidebar.getByRole('checkbox', { name: 'Home', exact: true })).toBeChecked();
  await settings.goto();
  await settings.chooseLanguage('Français');
  await agenda.page.goto('/agenda/week/2026-03-11');
  await expect(sidebar.getByRole('checkbox', { name: 'Home', exact: true })).toBeChecked();
  await expect(sidebar.getByRole('checkbox', { name: 'Personnel', exact: true })).toHaveCount(0);
});
