import { expect, test } from './support/test';

test('a deep link lands on its view and date, also after a reload, and back/forward retrace the steps', async ({
  page,
  agenda,
}) => {
  await agenda.goto('month', '2026-03-15');
  await expect(agenda.rangeHeading).toHaveText('March 2026');
  await expect(agenda.viewButton('Week')).toHaveAttribute('aria-pressed', 'false');
  await expect(agenda.dayCells('2026-03-15').first()).toBeVisible();

  await page.reload();
  await expect(page).toHaveURL(/\/agenda\/month\/2026-03-15$/);
  await expect(agenda.viewButton('Month')).toHaveAttribute('aria-pressed', 'true');
  await expect(agenda.rangeHeading).toHaveText('March 2026');

  await agenda.nextButton.click();
  await expect(page).toHaveURL(/\/agenda\/month\/2026-04-15$/);
  await expect(agenda.rangeHeading).toHaveText('April 2026');
  await agenda.viewButton('Day').click();
  await expect(page).toHaveURL(/\/agenda\/day\/2026-04-15$/);
  await expect(agenda.viewButton('Day')).toHaveAttribute('aria-pressed', 'true');
  await expect(agenda.rangeHeading).toContainText('2026');
  await expect(agenda.rangeHeading).toContainText('April');

  await page.goBack();
  await expect(page).toHaveURL(/\/agenda\/month\/2026-04-15$/);
  await expect(agenda.viewButton('Month')).toHaveAttribute('aria-pressed', 'true');
  await expect(agenda.rangeHeading).toHaveText('April 2026');
  await page.goBack();
  await expect(page).toHaveURL(/\/agenda\/month\/2026-03-15$/);
  await expect(agenda.rangeHeading).toHaveText('March 2026');
  await page.goForward();
  await expect(page).toHaveURL(/\/agenda\/month\/2026-04-15$/);
  await expect(agenda.rangeHeading).toHaveText('April 2026');
  await page.goForward();
  await expect(page).toHaveURL(/\/agenda\/day\/2026-04-15$/);
  await expect(agenda.viewButton('Day')).toHaveAttribute('aria-pressed', 'true');
});

test('the list view and week view deep links show their own ranges', async ({ agenda }) => {
  await agenda.goto('week', '2026-07-08');
  await expect(agenda.dayCells('2026-07-08').first()).toBeVisible();
  await expect(agenda.rangeHeading).toContainText('Jul');
  await agenda.goto('list', '2026-07-08');
  await expect(agenda.viewButton('List')).toHaveAttribute('aria-pressed', 'true');
  await expect(agenda.rangeHeading).toContainText('2026');
});
