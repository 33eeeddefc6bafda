import { addDays, today } from './support/dates';
import { countRows } from './support/idb';
import { expect, test } from './support/test';

test('an end before the start shows the error next to the field and saves nothing until fixed', async ({
  page,
  agenda,
  dashboard,
}) => {
  const date = addDays(today(), 1);
  await agenda.goto('week', date);
  const editor = await agenda.openNewEvent();
  await editor.fill({
    title: 'Backwards',
    startDate: date,
    startTime: '14:00',
    endDate: date,
    endTime: '13:00',
  });
  await editor.save();

  await expect(editor.dialog).toBeVisible();
  await editor.expectFieldError(editor.endTime, /The end must be after the start\./);
  // The message is on screen, next to the field, and is what aria-describedby points at.
  const ids = ((await editor.endTime.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  expect(ids.length).toBeGreaterThan(0);
  const message = page
    .locator(ids.map((id) => `[id="${id}"]`).join(', '))
    .filter({ hasText: 'The end must be after the start.' });
  await expect(message).toBeVisible();
  const fieldBox = await editor.endTime.boundingBox();
  const messageBox = await message.boundingBox();
  expect(fieldBox && messageBox && Math.abs(messageBox.y - (fieldBox.y + fieldBox.height))).toBeLessThan(80);
  await expect(editor.startTime).not.toHaveAttribute('aria-invalid', 'true');

  await editor.save();
  await expect(editor.dialog).toBeVisible();
  expect(await countRows(page, 'events')).toBe(0);
  expect(await countRows(page, 'outbox')).toBe(0);

  // Once the field is fixed, the same form saves, exactly once.
  await editor.endTime.fill('15:00');
  await editor.saveAndClose();
  await expect(agenda.event('Backwards')).toHaveCount(1);
  expect(await countRows(page, 'events')).toBe(1);

  await dashboard.goto();
  await expect(dashboard.item('Backwards')).toContainText(/14:00\s*–\s*15:00/);
});
test('an empty or zero occurrence count is refused for a repeating event', async ({ page, agenda }) => {
  const date = addDays(today(), 1);
  await agenda.goto('week', date);
  const editor = await agenda.openNewEvent();
  await editor.fill({
    title: 'Series',
    startDate: date,
    startTime: '09:00',
    endDate: date,
    endTime: '10:00',
  });
  await editor.repeat.selectOption({ label: 'Daily' });
  await editor.ends.selectOption({ label: 'After' });
  await editor.occurrences.fill('0');
  await editor.save();
  await expect(editor.dialog).toBeVisible();
  await expect(editor.occurrences).toHaveAttribute('aria-invalid', 'true');
  expect(await countRows(page, 'events')).toBe(0);
});
