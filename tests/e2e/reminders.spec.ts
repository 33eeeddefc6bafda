import type { Page } from '@playwright/test';
import { ZONE } from './support/dates';
import { expect, test } from './support/test';
import { shownNotifications, wallClockFromNow } from './support/sw-events';
import { waitForServiceWorker } from './pwa-server';

/** Reminders: the editor's Reminder field (a VALARM in the stored event) and a notification on time. */

/** The stored iCalendar text of the event with this summary, read straight from IndexedDB. */
async function storedIcs(page: Page, summary: string): Promise<string> {
  return page.evaluate(
    (wanted) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('almanac');
        open.onerror = () => {
          reject(new Error('open failed'));
        };
        open.onsuccess = () => {
          const request = open.result.transaction('events').objectStore('events').getAll();
          request.onsuccess = () => {
            const rows = request.result as { summary: string; ics: string }[];
            open.result.close();
            resolve(rows.find((row) => row.summary === wanted)?.ics ?? '');
          };
          request.onerror = () => {
            reject(new Error('read failed'));
          };
        };
      }),
    summary,
  );
}

test('the editor sets, shows and removes a reminder', async ({ page, agenda }) => {
  const day = wallClockFromNow(2 * 24 * 60, ZONE).date;
  await agenda.goto('week', day);
  let editor = await agenda.openNewEvent();
  const reminder = editor.dialog.getByLabel('Reminder', { exact: true });
  await expect(reminder).toHaveValue('none');
  await editor.fill({ title: 'Piano lesson', startDate: day, startTime: '16:00', endTime: '17:00' });
  await reminder.selectOption({ label: '1 hour before' });
  await editor.saveAndClose();
  await expect
    .poll(() => storedIcs(page, 'Piano lesson'))
    .toMatch(/BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT1H/);

  editor = await agenda.openEvent('Piano lesson');
  await expect(editor.dialog.getByLabel('Reminder', { exact: true })).toHaveValue('60');
  await editor.dialog.getByLabel('Reminder', { exact: true }).selectOption({ label: 'None' });
  await editor.saveAndClose();
  await expect.poll(() => storedIcs(page, 'Piano lesson')).not.toContain('VALARM');
});

test('a reminder falling due while Almanac is open becomes a system notification', async ({
  page,
  context,
  agenda,
}) => {
  await context.grantPermissions(['notifications']);
  await page.clock.install();
  const start = wallClockFromNow(20, ZONE);
  const end = wallClockFromNow(50, ZONE);
  await agenda.goto('week', start.date);
  // The page shows reminders through the service worker's registration (with "Snooze" actions).
  await waitForServiceWorker(page);
  const editor = await agenda.openNewEvent();
  await editor.fill({
    title: 'Call the plumber',
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
  });
  await editor.dialog.getByLabel('Reminder', { exact: true }).selectOption({ label: '15 minutes before' });
  await editor.saveAndClose();
  // Nothing yet: it falls due in about five minutes.
  expect(await shownNotifications(page)).toEqual([]);
  await page.clock.fastForward('06:00');
  await expect.poll(() => shownNotifications(page), { timeout: 10_000 }).toEqual(['Call the plumber']);
});
