import { AgendaPage } from './pages/agenda-page';
import { DashboardPage } from './pages/dashboard-page';
import { addDays, today } from './support/dates';
import { createTimedEvent } from './support/flows';
import { expect, test } from './support/test';

test('a second tab sees a change live, within a second, without reloading', async ({ context, page }) => {
  const tomorrow = addDays(today(), 1);
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await expect(dashboard.empty).toBeVisible();
  // A marker on the window: it would vanish if the tab reloaded.
  await page.evaluate(() => {
    (window as unknown as { notReloaded?: boolean }).notReloaded = true;
  });

  const other = await context.newPage();
  const agenda = new AgendaPage(other);
  await agenda.goto('week', tomorrow);
  await createTimedEvent(agenda, { title: 'Board meeting', date: tomorrow, start: '14:00', end: '15:00' });
  await expect(dashboard.item('Board meeting')).toBeVisible({ timeout: 1_000 });
  await expect(dashboard.item('Board meeting')).toContainText(/14:00\s*–\s*15:00/);

  const editor = await agenda.openEvent('Board meeting');
  await editor.fill({ title: 'Board meeting (moved)', startTime: '16:00', endTime: '17:00' });
  await editor.saveAndClose();
  await expect(dashboard.item('Board meeting (moved)')).toContainText(/16:00\s*–\s*17:00/, {
    timeout: 1_000,
  });
  await expect(dashboard.items()).toHaveCount(1);

  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
});
