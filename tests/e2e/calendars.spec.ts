import { addDays, today } from './support/dates';
import { createTimedEvent } from './support/flows';
import { countRows } from './support/idb';
import { expect, test } from './support/test';
import type { Locator } from '@playwright/test';

/** Whether the element or something inside it is painted in `rgb` (background or border). */
async function paintedIn(locator: Locator, rgb: string): Promise<boolean> {
  return locator.evaluate((root, colour) => {
    const nodes = [root, ...Array.from(root.querySelectorAll('*'))];
    return nodes.some((node) => {
      const style = getComputedStyle(node);
      return [style.backgroundColor, style.borderTopColor, style.borderLeftColor, style.color].includes(
        colour,
      );
    });
  }, rgb);
}

test('calendars: create, rename, recolour, hide (remembered), delete after confirming', async ({
  page,
  agenda,
  dashboard,
}) => {
  // Seventeen user steps in one story (create, two events, rename, recolour, hide, reload, dashboard,
  // delete). With two suites side by side on 2 cores each step took 0.5–3 s and the story ran past
  // 30 s while progressing steadily (trace: no step waited on anything stuck), so it gets the
  // triple budget of a slow test rather than a race hidden behind a longer wait.
  test.slow();
  const date = addDays(today(), 1);
  await agenda.goto('week', date);
  await expect(agenda.calendarToggle('Personal')).toBeChecked();

  // Create.
  await agenda.newCalendarButton.click();
  const created = agenda.calendarDialog();
  await expect(created.dialog).toBeVisible();
  await created.name.fill('Work');
  await created.save();
  await expect(agenda.calendarToggle('Work')).toBeChecked();
  await createTimedEvent(agenda, {
    title: 'Sprint review',
    date,
    start: '11:00',
    end: '12:00',
    calendar: 'Work',
  });
  await createTimedEvent(agenda, {
    title: 'Piano lesson',
    date,
    start: '18:00',
    end: '19:00',
    calendar: 'Personal',
  });

  // Rename.
  await agenda.editCalendarButton('Work').click();
  const renamed = agenda.calendarDialog();
  await expect(renamed.name).toHaveValue('Work');
  await renamed.name.fill('Office');
  await renamed.save();
  await expect(agenda.calendarToggle('Office')).toBeVisible();
  await expect(agenda.calendarToggle('Work')).toHaveCount(0);

  // Recolour: the calendar's events take the new colour.
  await agenda.editCalendarButton('Office').click();
  const recoloured = agenda.calendarDialog();
  await recoloured.colour.fill('#1a7f37');
  await recoloured.save();
  await expect.poll(() => paintedIn(agenda.event('Sprint review').first(), 'rgb(26, 127, 55)')).toBe(true);
  expect(await paintedIn(agenda.event('Piano lesson').first(), 'rgb(26, 127, 55)')).toBe(false);

  // Hide: its events disappear from the agenda and the dashboard, also after a reload.
  await agenda.calendarToggle('Office').uncheck();
  await expect(agenda.event('Sprint review')).toHaveCount(0);
  await expect(agenda.event('Piano lesson')).toHaveCount(1);
  await page.reload();
  await expect(agenda.calendarToggle('Office')).not.toBeChecked();
  await expect(agenda.event('Piano lesson')).toHaveCount(1);
  await expect(agenda.event('Sprint review')).toHaveCount(0);
  await dashboard.navLink('Dashboard').click();
  await expect(dashboard.item('Piano lesson')).toBeVisible();
  await expect(dashboard.item('Sprint review')).toHaveCount(0);
  await dashboard.navLink('Agenda').click();
  await agenda.goto('week', date);
  await agenda.calendarToggle('Office').check();
  await expect(agenda.event('Sprint review')).toHaveCount(1);

  // Delete, after confirming: the calendar and its events are gone, the other calendar's stay.
  await agenda.editCalendarButton('Office').click();
  await agenda.calendarDialog().deleteAfterConfirming();
  await expect(agenda.calendarToggle('Office')).toHaveCount(0);
  await expect(agenda.event('Sprint review')).toHaveCount(0);
  await expect(agenda.event('Piano lesson')).toHaveCount(1);
  await expect.poll(() => countRows(page, 'calendars')).toBe(1);
  expect(await countRows(page, 'events')).toBe(1);
});
