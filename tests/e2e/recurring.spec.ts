import type { AgendaPage } from './pages/agenda-page';
import { ScopeDialog } from './pages/dialogs';
import { addDays, nextWeekday, today } from './support/dates';
import { createTimedEvent } from './support/flows';
import { expect, test } from './support/test';

/**
 * A weekly series on Monday, Wednesday and Friday, six times: two weeks from the first Monday after
 * tomorrow (so the whole series is in the future and the weeks are the same in any week layout).
 */
function seriesDates(): {
  mon1: string;
  wed1: string;
  fri1: string;
  mon2: string;
  wed2: string;
  fri2: string;
} {
  const mon1 = nextWeekday(addDays(today(), 1), 0);
  return {
    mon1,
    wed1: addDays(mon1, 2),
    fri1: addDays(mon1, 4),
    mon2: addDays(mon1, 7),
    wed2: addDays(mon1, 9),
    fri2: addDays(mon1, 11),
  };
}

async function createSeries(agenda: AgendaPage, start: string): Promise<void> {
  await agenda.goto('week', start);
  const editor = await agenda.openNewEvent();
  await editor.fill({
    title: 'Team sync',
    startDate: start,
    startTime: '08:30',
    endDate: start,
    endTime: '09:00',
  });
  await editor.repeatWeekly(['Monday', 'Wednesday', 'Friday'], 6);
  await editor.saveAndClose();
}

test.describe('a weekly series', () => {
  // Each story creates a series, then edits or deletes through the scope dialog: 20-odd steps. With
  // two suites and other work on 2 cores (load 20+) the traces show every step progressing at 1–4 s
  // and none stuck, so these get a slow test's budget rather than a race hidden behind a longer wait.
  test.slow();
  test('repeats on the chosen weekdays and ends after the chosen count', async ({ agenda }) => {
    const d = seriesDates();
    const tue1 = addDays(d.mon1, 1);
    const mon3 = addDays(d.mon1, 14);
    await createSeries(agenda, d.mon1);
    // Markers prove a view has loaded before checking that the series is absent from it.
    await createTimedEvent(agenda, { title: 'Marker', date: tue1, start: '12:00', end: '13:00' });
    await agenda.goto('week', mon3);
    await createTimedEvent(agenda, { title: 'Marker', date: mon3, start: '12:00', end: '13:00' });

    await agenda.goto('week', d.mon1);
    await expect(agenda.event('Team sync')).toHaveCount(3);
    await agenda.nextButton.click();
    await expect(agenda.event('Team sync')).toHaveCount(3);
    await agenda.nextButton.click();
    await expect(agenda.event('Marker')).toHaveCount(1);
    await expect(agenda.event('Team sync')).toHaveCount(0);

    for (const date of [d.mon1, d.wed1, d.fri1, d.mon2, d.wed2, d.fri2]) {
      await agenda.goto('day', date);
      await expect(agenda.event('Team sync'), `one occurrence on ${date}`).toHaveCount(1);
    }
    await agenda.goto('day', tue1);
    await expect(agenda.event('Marker')).toHaveCount(1);
    await expect(agenda.event('Team sync')).toHaveCount(0);
  });

  test('changing one occurrence leaves the others unchanged', async ({ page, agenda }) => {
    const d = seriesDates();
    await createSeries(agenda, d.mon1);

    await agenda.goto('day', d.wed1);
    const editor = await agenda.openEvent('Team sync');
    await editor.fill({ title: 'Team sync (client)', startTime: '10:00', endTime: '10:30' });
    await editor.save();
    await new ScopeDialog(page).choose('This event');
    await expect(editor.dialog).toBeHidden();
    await expect(agenda.event('Team sync (client)')).toHaveCount(1);

    await page.reload();
    const moved = await agenda.openEvent('Team sync (client)');
    await expect(moved.startTime).toHaveValue('10:00');
    await moved.cancel();

    for (const date of [d.mon1, d.fri1, d.mon2, d.wed2, d.fri2]) {
      await agenda.goto('day', date);
      await expect(agenda.event(/Team sync(?! \(client\))/)).toHaveCount(1);
      await expect(agenda.event('Team sync (client)')).toHaveCount(0);
      const other = await agenda.openEvent('Team sync');
      await expect(other.title).toHaveValue('Team sync');
      await expect(other.startTime).toHaveValue('08:30');
      await expect(other.endTime).toHaveValue('09:00');
      await other.cancel();
    }
  });

  test('"this and following" deletion keeps earlier occurrences and removes later ones', async ({
    page,
    agenda,
  }) => {
    const d = seriesDates();
    await createSeries(agenda, d.mon1);
    await agenda.goto('week', d.wed2);
    await createTimedEvent(agenda, { title: 'Marker', date: d.wed2, start: '12:00', end: '13:00' });

    await agenda.goto('day', d.fri1);
    const editor = await agenda.openEvent('Team sync');
    await editor.deleteButton.click();
    await new ScopeDialog(page).choose('This and following events');
    await expect(editor.dialog).toBeHidden();
    await expect(agenda.event('Team sync')).toHaveCount(0);

    await page.reload();
    await agenda.goto('week', d.mon1);
    await expect(agenda.event('Team sync')).toHaveCount(2);
    for (const date of [d.mon1, d.wed1]) {
      await agenda.goto('day', date);
      await expect(agenda.event('Team sync'), `kept on ${date}`).toHaveCount(1);
    }
    await agenda.goto('week', d.mon2);
    await expect(agenda.event('Marker')).toHaveCount(1);
    await expect(agenda.event('Team sync')).toHaveCount(0);
  });
});
