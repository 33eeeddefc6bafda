import { addDays, today } from './support/dates';
import { countRows } from './support/idb';
import { expect, test } from './support/test';

test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

test('on a phone the screens are reachable and an event can be created', async ({
  page,
  dashboard,
  agenda,
  settings,
}) => {
  await dashboard.goto();
  await expect(dashboard.h1).toHaveText('Dashboard');
  const noSideways = async (): Promise<void> => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
  };
  await noSideways();

  await dashboard.navLink('Agenda').click();
  await expect(agenda.h1).toHaveText('Agenda');
  await expect(agenda.newEventButton).toBeVisible();
  await noSideways();

  const date = addDays(today(), 1);
  const editor = await agenda.openNewEvent();
  const box = await editor.dialog.boundingBox();
  expect(box && box.width).toBeLessThanOrEqual(360);
  await editor.fill({
    title: 'Phone call',
    startDate: date,
    startTime: '18:00',
    endDate: date,
    endTime: '18:30',
  });
  await editor.saveButton.scrollIntoViewIfNeeded();
  await editor.saveAndClose();
  await expect.poll(() => countRows(page, 'events')).toBe(1);

  await agenda.goto('day', date);
  await expect(agenda.event('Phone call')).toBeVisible();

  // The narrow week view opens on the working morning: its 08:00 row at the top of the time grid
  // (FullCalendar first scrolls by its taller initial rows, which once left it at 10:00).
  await agenda.goto('week', date);
  await expect
    .poll(() =>
      page.evaluate(() => {
        const row = document.querySelector<HTMLElement>('.agenda-calendar [data-time="08:00:00"]');
        let scroller = row?.parentElement ?? null;
        while (scroller && scroller.scrollHeight <= scroller.clientHeight + 1)
          scroller = scroller.parentElement;
        if (!row || !scroller) return null;
        return Math.abs(Math.round(row.getBoundingClientRect().top - scroller.getBoundingClientRect().top));
      }),
    )
    .toBeLessThanOrEqual(2);

  await agenda.navLink('Settings').click();
  await expect(settings.h1).toHaveText('Settings');
  await noSideways();
  await settings.navLink('Dashboard').click();
  await expect(dashboard.item('Phone call')).toBeVisible();
});
