import { AgendaPage } from './pages/agenda-page';
import { DashboardPage } from './pages/dashboard-page';
import { dialogNamed } from './pages/dialogs';
import { addDays, dayHeading, today } from './support/dates';
import { expect, test } from './support/test';

test.describe('a French browser', () => {
  test.use({ locale: 'fr-FR' });

  test('gets the French UI on every screen', async ({ page }) => {
    const shell = new DashboardPage(page);
    await shell.goto();
    const nav = page.getByRole('navigation', { name: /.+/ });
    await expect(nav.getByRole('link', { name: 'Tableau de bord', exact: true })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Agenda', exact: true })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Réglages', exact: true })).toBeVisible();
    await expect(shell.h1).toHaveText('Tableau de bord');
    const upcoming = page.getByRole('region', { name: 'À venir' });
    await expect(upcoming.getByText('Rien de prévu')).toBeVisible();

    await nav.getByRole('link', { name: 'Agenda', exact: true }).click();
    await expect(shell.h1).toHaveText('Agenda');
    const main = page.getByRole('main');
    for (const name of ["Aujourd'hui", 'Précédent', 'Suivant', 'Nouvel événement']) {
      await expect(main.getByRole('button', { name, exact: true })).toBeVisible();
    }
    const views = main.getByRole('group', { name: 'Vue' });
    for (const name of ['Mois', 'Semaine', 'Jour', 'Liste']) {
      await expect(views.getByRole('button', { name, exact: true })).toBeVisible();
    }
    await expect(views.getByRole('button', { name: 'Semaine' })).toHaveAttribute('aria-pressed', 'true');
    await expect(
      page
        .getByRole('complementary', { name: 'Calendriers' })
        .or(page.getByRole('region', { name: 'Calendriers' })),
    ).toBeVisible();

    await page.goto('/agenda/month/2026-03-15');
    await expect(main.getByText('mars 2026', { exact: false }).first()).toBeVisible();

    // A new event three days ahead: its group heading is a French date.
    const date = addDays(today(), 3);
    await page.goto(`/agenda/week/${date}`);
    await main.getByRole('button', { name: 'Nouvel événement', exact: true }).click();
    const editor = dialogNamed(page, 'Nouvel événement');
    await expect(editor).toBeVisible();
    await editor.getByLabel('Titre', { exact: true }).fill('Réunion');
    await editor.getByLabel('Date de début', { exact: true }).fill(date);
    await editor.getByLabel('Heure de début', { exact: true }).fill('10:00');
    await editor.getByLabel('Date de fin', { exact: true }).fill(date);
    await editor.getByLabel('Heure de fin', { exact: true }).fill('11:00');
    await editor.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(editor).toBeHidden();

    await nav.getByRole('link', { name: 'Tableau de bord', exact: true }).click();
    await expect(
      upcoming.getByRole('heading', { level: 3, name: new RegExp(`^${dayHeading(date, 'fr-FR')}`) }),
    ).toBeVisible();
    await expect(upcoming.getByRole('link', { name: 'Réunion' })).toBeVisible();

    await nav.getByRole('link', { name: 'Réglages', exact: true }).click();
    await expect(shell.h1).toHaveText('Réglages');
  });
});

test('switching the language in Settings turns the UI French at once, and it stays after a reload', async ({
  page,
  settings,
}) => {
  await settings.goto();
  await expect(settings.h1).toHaveText('Settings');
  await settings.chooseLanguage('Français');
  await expect(settings.h1).toHaveText('Réglages');
  const nav = page.getByRole('navigation', { name: /.+/ });
  await expect(nav.getByRole('link', { name: 'Tableau de bord', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  await page.reload();
  await expect(settings.h1).toHaveText('Réglages');
  await nav.getByRole('link', { name: 'Agenda', exact: true }).click();
  await expect(page.getByRole('group', { name: 'Vue' }).getByRole('button', { name: 'Mois' })).toBeVisible();

  await nav.getByRole('link', { name: 'Réglages', exact: true }).click();
  await page.getByLabel('Langue', { exact: true }).selectOption({ label: 'English' });
  await expect(settings.h1).toHaveText('Settings');
  const agenda = new AgendaPage(page);
  await settings.navLink('Agenda').click();
  await expect(agenda.viewButton('Month')).toBeVisible();
});
