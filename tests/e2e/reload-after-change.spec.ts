import type { Page } from '@playwright/test';
import { ConfirmDialog } from './pages/dialogs';
import { addDays, today } from './support/dates';
import { createTimedEvent } from './support/flows';
import { countRows } from './support/idb';
import { expect, test } from './support/test';
import { controlWritePath, notedWrites, WritePath, type WritePathControl } from './support/write-path';

/**
 * Each kind of change, then a reload the moment the page shows it done, with no wait in between: what
 * the page shows as done must already be in IndexedDB (src/pages/agenda/pending-writes.ts). Checked
 * twice after the reload: in the agenda, and in the database itself. The reloaded page cannot load the
 * write path, so it cannot replay a write noted and not committed: whatever is stored was committed
 * before the page showed it done.
 */
test.use({ serviceWorkers: 'block' });

interface StoredOccurrence {
  readonly summary: string;
  /** Wall clock in the browser's zone (the tests' Europe/Zurich), `YYYY-MM-DDTHH:MM`. */
  readonly start: string;
  readonly end: string;
}

/** Every occurrence row of the app's database, read straight from IndexedDB. */
function storedOccurrences(page: Page): Promise<StoredOccurrence[]> {
  return page.evaluate(
    () =>
      new Promise<StoredOccurrence[]>((resolve, reject) => {
        const wallClock = (ms: number): string => {
          const d = new Date(ms);
          const two = (n: number): string => String(n).padStart(2, '0');
          return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
        };
        const open = indexedDB.open('almanac');
        open.onerror = () => {
          reject(new Error(open.error?.message ?? 'open failed'));
        };
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('occurrences', 'readonly').objectStore('occurrences').getAll();
          request.onsuccess = () => {
            db.close();
            const rows = request.result as { summary: string; start: number; end: number }[];
            resolve(
              rows.map((row) => ({
                summary: row.summary,
                start: wallClock(row.start),
                end: wallClock(row.end),
              })),
            );
          };
          request.onerror = () => {
            db.close();
            reject(new Error(request.error?.message ?? 'read failed'));
          };
        };
      }),
  );
}

/** Reloads with no write path for the new page (see above). */
async function reloadWithoutWritePath(page: Page, writes: WritePathControl): Promise<void> {
  writes.set(WritePath.fail);
  await page.reload();
}

test.describe('a change reloaded at once', () => {
  let writes: WritePathControl;
  test.beforeEach(async ({ page }) => {
    writes = await controlWritePath(page);
  });
  test.afterEach(() => {
    // The first page did load it: the cut-off at the reload was real.
    expect(writes.requests()).toBeGreaterThan(0);
  });

  test('a move by drag is kept', async ({ page, agenda }) => {
    const day = addDays(today(), 1);
    await agenda.goto('week', day);
    await createTimedEvent(agenda, { title: 'Gym', date: day, start: '12:00', end: '13:00' });
    const after = addDays(day, 1);
    const target = (await agenda.dayCells(after).count()) > 0 ? after : addDays(day, -1);

    await agenda.dragEventToDay('Gym', target);
    await agenda.expectMovedTo('Gym', target);
    await reloadWithoutWritePath(page, writes);

    await agenda.expectMovedTo('Gym', target);
    expect(await storedOccurrences(page)).toEqual([
      { summary: 'Gym', start: `${target}T12:00`, end: `${target}T13:00` },
    ]);
  });

  test('a resize by drag is kept', async ({ page, agenda }) => {
    const day = addDays(today(), 1);
    await agenda.goto('day', day);
    await createTimedEvent(agenda, { title: 'Workshop', date: day, start: '10:00', end: '11:00' });

    await agenda.resizeEventEnd('Workshop', '12:30');
    await agenda.expectShowsSaved('Workshop', '12:30');
    await reloadWithoutWritePath(page, writes);

    await agenda.expectShowsSaved('Workshop', '12:30');
    expect(await storedOccurrences(page)).toEqual([
      { summary: 'Workshop', start: `${day}T10:00`, end: `${day}T12:30` },
    ]);
  });

  test('an edit through the editor is kept', async ({ page, agenda }) => {
    const day = addDays(today(), 2);
    await agenda.goto('week', day);
    await createTimedEvent(agenda, { title: 'Call Anna', date: day, start: '09:00', end: '09:30' });

    const editor = await agenda.openEvent('Call Anna');
    await editor.fill({ title: 'Call Anna and Ben', startTime: '15:00', endTime: '16:15' });
    await editor.save();
    // Done, as the user sees it: the dialog has closed and the agenda shows the new title.
    await expect(editor.dialog).toBeHidden();
    await expect(agenda.event('Call Anna and Ben')).toHaveCount(1);
    await reloadWithoutWritePath(page, writes);

    await expect(agenda.event('Call Anna and Ben')).toHaveCount(1);
    await expect(agenda.event(/^Call Anna$/)).toHaveCount(0);
    expect(await storedOccurrences(page)).toEqual([
      { summary: 'Call Anna and Ben', start: `${day}T15:00`, end: `${day}T16:15` },
    ]);
  });

  test('a delete is kept', async ({ page, agenda }) => {
    const day = addDays(today(), 2);
    await agenda.goto('day', day);
    await createTimedEvent(agenda, { title: 'Haircut', date: day, start: '17:00', end: '17:45' });
    await createTimedEvent(agenda, { title: 'Dinner', date: day, start: '19:00', end: '21:00' });

    const editor = await agenda.openEvent('Haircut');
    await editor.deleteButton.click();
    await new ConfirmDialog(page, 'Delete event?').confirm();
    await expect(agenda.event('Haircut')).toHaveCount(0);
    await reloadWithoutWritePath(page, writes);

    // The other event is drawn: the agenda has read the database, and "Haircut" is not in it.
    await expect(agenda.event('Dinner')).toHaveCount(1);
    await expect(agenda.event('Haircut')).toHaveCount(0);
    expect(await countRows(page, 'events')).toBe(1);
    expect((await storedOccurrences(page)).map((o) => o.summary)).toEqual(['Dinner']);
  });
});

test.describe('a change still being saved when the page goes away', () => {
  test('shows as saving, stays noted, and the next start-up applies it', async ({ page, agenda }) => {
    const writes = await controlWritePath(page);
    const day = addDays(today(), 1);
    await agenda.goto('week', day);
    await createTimedEvent(agenda, { title: 'Gym', date: day, start: '12:00', end: '13:00' });
    const after = addDays(day, 1);
    const target = (await agenda.dayCells(after).count()) > 0 ? after : addDays(day, -1);

    // A fresh page whose write path never arrives: the move below cannot commit.
    writes.set(WritePath.hold);
    await page.reload();
    await expect(agenda.event('Gym')).toHaveCount(1);
    await agenda.dragEventToDay('Gym', target);
    await expect(agenda.savingEvents()).toHaveCount(1);
    await expect(agenda.savingEvents()).toContainText('Gym');
    expect(await notedWrites(page)).toHaveLength(1);

    writes.set(WritePath.open);
    await page.reload();
    await agenda.expectMovedTo('Gym', target);
    expect(await storedOccurrences(page)).toEqual([
      { summary: 'Gym', start: `${target}T12:00`, end: `${target}T13:00` },
    ]);
    expect(await notedWrites(page)).toEqual([]);
    await expect(agenda.main.getByRole('alert')).toHaveCount(0);
  });
});
