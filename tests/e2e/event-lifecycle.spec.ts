import { ConfirmDialog } from './pages/dialogs';
import { EventCard } from './pages/event-card';
import { addDays, today } from './support/dates';
import { createTimedEvent } from './support/flows';
import { countRows } from './support/idb';
import { expect, test } from './support/test';
import { controlWritePath, notedWrites, WritePath } from './support/write-path';

test.describe('a one-off event', () => {
  test('created by dragging in the week grid shows in the dashboard widget and opens from it', async ({
    page,
    agenda,
    dashboard,
  }) => {
    const tomorrow = addDays(today(), 1);
    await agenda.goto('week', tomorrow);
    const editor = await agenda.dragSelect(tomorrow, '10:00', '11:00');
    await expect(editor.startDate).toHaveValue(tomorrow);
    await expect(editor.startTime).toHaveValue('10:00');
    await expect(editor.endDate).toHaveValue(tomorrow);
    await expect(editor.endTime).toHaveValue('11:00');
    await editor.fill({ title: 'Dentist', location: 'Bahnhofstrasse 1' });
    await editor.saveAndClose();
    await expect(agenda.event('Dentist')).toHaveCount(1);

    await dashboard.navLink('Dashboard').click();
    await expect(dashboard.h1).toHaveText('Dashboard');
    await expect(dashboard.itemsUnder('Tomorrow')).toHaveCount(1);
    const item = dashboard.item('Dentist');
    await expect(item).toContainText(/10:00\s*–\s*11:00/);
    await expect(item).toContainText('Bahnhofstrasse 1');

    await expect(item).toHaveAttribute('href', new RegExp(`^/agenda/day/${tomorrow}\\?event=.+`));
    await item.click();
    // The agenda opens the occurrence's details card, then may drop `?event=` from the address.
    await expect(page).toHaveURL(new RegExp(`/agenda/day/${tomorrow}`));
    const opened = new EventCard(page, 'Dentist');
    await opened.expectOpen();
    await expect(opened.field('Location')).toHaveText('Bahnhofstrasse 1');
  });

  test('edited (title and time) shows the change in the agenda, the widget and after a reload', async ({
    page,
    agenda,
    dashboard,
  }) => {
    const tomorrow = addDays(today(), 1);
    await agenda.goto('week', tomorrow);
    await createTimedEvent(agenda, { title: 'Call Anna', date: tomorrow, start: '09:00', end: '09:30' });

    const editor = await agenda.openEvent('Call Anna');
    await expect(editor.startTime).toHaveValue('09:00');
    await editor.fill({ title: 'Call Anna and Ben', startTime: '15:00', endTime: '16:15' });
    await editor.saveAndClose();
    await expect(agenda.event('Call Anna and Ben')).toHaveCount(1);
    await expect(agenda.event(/^Call Anna$/)).toHaveCount(0);

    await page.reload();
    const reopened = await agenda.openEvent('Call Anna and Ben');
    await expect(reopened.startDate).toHaveValue(tomorrow);
    await expect(reopened.startTime).toHaveValue('15:00');
    await expect(reopened.endTime).toHaveValue('16:15');
    await reopened.cancel();

    await dashboard.goto();
    await expect(dashboard.item('Call Anna and Ben')).toContainText(/15:00\s*–\s*16:15/);
    await expect(dashboard.items()).toHaveCount(1);
    expect(await countRows(page, 'events')).toBe(1);
  });

  test('dragged to another day in week view moves to that day and stays there', async ({ page, agenda }) => {
    const day = addDays(today(), 1);
    await agenda.goto('week', day);
    await createTimedEvent(agenda, { title: 'Gym', date: day, start: '12:00', end: '13:00' });
    // The neighbouring day in the same week (the week may start on Sunday or Monday).
    const after = addDays(day, 1);
    const target = (await agenda.dayCells(after).count()) > 0 ? after : addDays(day, -1);

    await agenda.dragEventToDay('Gym', target);
    // Done as the user sees it: in the new column and no longer marked as saving (aria-busy).
    await agenda.expectMovedTo('Gym', target);

    await page.reload();
    const editor = await agenda.openEvent('Gym');
    await expect(editor.startDate).toHaveValue(target);
    await expect(editor.startTime).toHaveValue('12:00');
    await expect(editor.endTime).toHaveValue('13:00');
  });

  test('deleted after confirming is gone from the agenda and the database', async ({ page, agenda }) => {
    const day = addDays(today(), 2);
    await agenda.goto('day', day);
    await createTimedEvent(agenda, { title: 'Haircut', date: day, start: '17:00', end: '17:45' });
    const editor = await agenda.openEvent('Haircut');
    await editor.deleteButton.click();
    await new ConfirmDialog(page, 'Delete event?').confirm();
    await expect(agenda.event('Haircut')).toHaveCount(0);
    await expect.poll(() => countRows(page, 'events')).toBe(0);
  });
});

test.describe('a move that cannot be saved', () => {
  // The write path is made to fail below; a service worker would serve it from its cache.
  test.use({ serviceWorkers: 'block' });

  test('goes back to its day and says why', async ({ page, agenda }) => {
    const writes = await controlWritePath(page);
    const day = addDays(today(), 1);
    await agenda.goto('week', day);
    await createTimedEvent(agenda, { title: 'Gym', date: day, start: '12:00', end: '13:00' });
    const after = addDays(day, 1);
    const target = (await agenda.dayCells(after).count()) > 0 ? after : addDays(day, -1);

    // A fresh page that cannot load the code that saves changes (offline, no cached copy).
    writes.set(WritePath.fail);
    await page.reload();
    await expect(agenda.event('Gym')).toHaveCount(1);
    await agenda.dragEventToDay('Gym', target);

    await expect(agenda.main.getByRole('alert')).toContainText(
      'The change was not saved: part of Almanac could not be loaded.',
    );
    await agenda.expectMovedTo('Gym', day);
    expect(await notedWrites(page)).toEqual([]);
    expect(writes.requests()).toBeGreaterThan(1);

    // Nothing was stored: after a reload (with the write path back) it is still on its first day.
    writes.set(WritePath.open);
    await page.reload();
    const editor = await agenda.openEvent('Gym');
    await expect(editor.startDate).toHaveValue(day);
    await expect(editor.startTime).toHaveValue('12:00');
  });
});
