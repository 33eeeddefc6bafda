import { AgendaPage } from './pages/agenda-page';
import { dialogNamed } from './pages/dialogs';
import { SettingsPage } from './pages/settings-page';
import { addDays, today } from './support/dates';
import { expectNoSeriousA11yViolations } from './support/axe';
import { expect, test } from './support/test';

/**
 * Settings › Agenda (issue 12 point 6): each preference is saved at once and the agenda follows it
 * without a reload. The browser is en-GB in Europe/Zurich (playwright.config.ts): Monday first, 24 h.
 */

const WEDNESDAY = '2026-03-11';

/** The time grid's label of the slot at `time` (`HH:MM`): the cell FullCalendar marks with it, in the axis. */
const slotLabel = (agenda: AgendaPage, time: string) =>
  agenda.main.locator(`[data-time="${time}:00"]`).filter({ hasText: /\d/ }).first();

test('first day, 12 / 24 h, week numbers and a second time zone change the open week view at once', async ({
  page,
}) => {
  const agenda = new AgendaPage(page);
  // Settings in a second tab: the agenda left open follows each change without a reload.
  const settings = new SettingsPage(await page.context().newPage());
  await agenda.goto('week', WEDNESDAY);
  // en-GB: the week runs Monday 9 to Sunday 15 March, on a 24-hour clock, without week numbers.
  await expect(agenda.dayCells('2026-03-09').first()).toBeVisible();
  await expect(agenda.dayCells('2026-03-15').first()).toBeAttached();
  await expect(agenda.dayCells('2026-03-08')).toHaveCount(0);
  await expect(slotLabel(agenda, '14:00')).toHaveText('14:00');
  await expect(agenda.main.getByText(/^W\s?11$/)).toHaveCount(0);

  await settings.goto();
  await settings.weekNumbers.check();
  await settings.secondZone.fill('America/New_York');
  await settings.secondZone.press('Tab');
  await expect(settings.secondZone).toHaveValue('America/New_York');
  await expect(agenda.main.getByText(/^W\s?11$/).first()).toBeVisible();
  // 14:00 in Zurich (UTC+1) is 09:00 in New York (UTC−4 since 8 March), shown beside it.
  await expect(slotLabel(agenda, '14:00').locator('.agenda-slot__main')).toHaveText('14:00');
  await expect(slotLabel(agenda, '14:00').locator('.agenda-slot__second')).toHaveText('09:00');

  await settings.weekStart.selectOption('sunday');
  await settings.clock.selectOption('h12');
  // Sunday 8 to Saturday 14 March, on a 12-hour clock in both zones. New York changed its clocks in
  // the night of Sunday 8: the second column follows most of the week, 5 hours behind.
  await expect(agenda.dayCells('2026-03-08').first()).toBeVisible();
  await expect(agenda.dayCells('2026-03-15')).toHaveCount(0);
  await expect(agenda.rangeHeading).toContainText('8');
  await expect(slotLabel(agenda, '14:00').locator('.agenda-slot__main')).toHaveText(/^2:00\s?pm$/i);
  await expect(slotLabel(agenda, '14:00').locator('.agenda-slot__second')).toHaveText(/^9:00\s?am$/i);

  // No second zone: the labels are FullCalendar's own again.
  await settings.secondZone.fill('');
  await settings.secondZone.press('Tab');
  await expect(slotLabel(agenda, '14:00')).toHaveText(/^2:00\s?pm$/i);
  await expect(agenda.main.locator('.agenda-slot__second')).toHaveCount(0);
});

test('a zone Intl does not know is refused with what to type, and nothing is saved', async ({ settings }) => {
  await settings.goto();
  await settings.secondZone.fill('Mars/Olympus');
  await settings.secondZone.press('Tab');
  await expect(settings.secondZone).toHaveAttribute('aria-invalid', 'true');
  await expect(settings.main.getByText(/“Mars\/Olympus” is not a time zone Almanac knows/)).toBeVisible();
  await settings.page.reload();
  await expect(settings.secondZone).toHaveValue('');
});

test('a new event starts in the default calendar with the default duration', async ({ page, settings }) => {
  const agenda = new AgendaPage(page);
  await agenda.goto('week', WEDNESDAY);
  await agenda.newCalendarButton.click();
  const created = agenda.calendarDialog();
  await created.name.fill('Work');
  await created.save();
  await expect(agenda.calendarToggle('Work')).toBeChecked();

  await settings.goto();
  await settings.defaultCalendar.selectOption({ label: 'Work' });
  await settings.defaultDuration.selectOption({ label: '45 minutes' });
  await agenda.nav.getByRole('link', { name: 'Agenda', exact: true }).click();
  await agenda.goto('week', WEDNESDAY);
  const editor = await agenda.openNewEvent();
  await expect(editor.calendar.locator('option:checked')).toHaveText('Work');
  const start = await editor.startTime.inputValue();
  const [hours = 0, minutes = 0] = start.split(':').map(Number);
  const end = hours * 60 + minutes + 45;
  await expect(editor.endTime).toHaveValue(
    `${String(Math.floor(end / 60) % 24).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`,
  );
});

test('the 12 / 24-hour setting also changes the times on the dashboard', async ({
  page,
  settings,
  dashboard,
}) => {
  const tomorrow = addDays(today(), 1);
  await page.goto(`/agenda/week/${tomorrow}?new=${tomorrow}T14:00`);
  const editor = dialogNamed(page, 'New event');
  await editor.getByLabel('Title', { exact: true }).fill('Clock check');
  await editor.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(editor).toBeHidden();

  await dashboard.goto();
  await expect(dashboard.item('Clock check').locator('.upcoming__time')).toHaveText(/^14:00\s?–\s?15:00$/);
  await settings.goto();
  await settings.clock.selectOption('h12');
  await dashboard.goto();
  await expect(dashboard.item('Clock check').locator('.upcoming__time')).toHaveText(
    /^2:00\s?pm\s?–\s?3:00\s?pm$/i,
  );
});

for (const theme of ['Light', 'Dark'] as const) {
  test(`Settings has no serious accessibility violation (${theme.toLowerCase()})`, async ({
    page,
    settings,
  }) => {
    await settings.goto();
    await settings.chooseTheme(theme);
    await expect(settings.weekStart).toBeVisible();
    await expectNoSeriousA11yViolations(page, `Settings (${theme.toLowerCase()})`);
  });
}
