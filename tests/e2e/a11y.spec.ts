import type { ViewPath } from './pages/agenda-page';
import { addDays, today } from './support/dates';
import { expectNoSeriousA11yViolations } from './support/axe';
import { createTimedEvent } from './support/flows';
import { expect, test } from './support/test';

test.describe('accessibility (axe-core: no serious or critical violation)', () => {
  test('dashboard, empty and with an event', async ({ page, dashboard, agenda }) => {
    await dashboard.goto();
    await expect(dashboard.empty).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'the empty dashboard');
    const date = addDays(today(), 1);
    await agenda.goto('week', date);
    await createTimedEvent(agenda, { title: 'Lunch', date, start: '12:00', end: '13:00', location: 'Café' });
    await dashboard.navLink('Dashboard').click();
    await expect(dashboard.item('Lunch')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'the dashboard');
  });

  for (const view of ['month', 'week', 'day', 'list'] as const satisfies readonly ViewPath[]) {
    test(`agenda ${view} view with an event`, async ({ page, agenda }) => {
      const date = addDays(today(), 1);
      await agenda.goto(view, date);
      await createTimedEvent(agenda, { title: 'Lunch', date, start: '12:00', end: '13:00' });
      await expectNoSeriousA11yViolations(page, `the ${view} view`);
    });
  }

  test('the open event editor, with a repeat rule and an error showing', async ({ page, agenda }) => {
    const date = addDays(today(), 1);
    await agenda.goto('week', date);
    const editor = await agenda.openNewEvent();
    await expectNoSeriousA11yViolations(page, 'the new event editor');
    await editor.fill({
      title: 'Yoga',
      startDate: date,
      startTime: '10:00',
      endDate: date,
      endTime: '09:00',
    });
    await editor.repeat.selectOption({ label: 'Weekly' });
    await editor.save();
    await expect(editor.endTime).toHaveAttribute('aria-invalid', 'true');
    await expectNoSeriousA11yViolations(page, 'the editor with an error');
  });

  test('settings', async ({ page, settings }) => {
    await settings.goto();
    await expect(settings.storageHeading).toBeVisible();
    await expect(settings.theme).toHaveValue(/.+/);
    await expectNoSeriousA11yViolations(page, 'Settings');
    const background = (): Promise<string> =>
      page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await settings.chooseTheme('Dark');
    await expect.poll(background).not.toBe(light);
    await expectNoSeriousA11yViolations(page, 'Settings in the dark theme');
  });
});
