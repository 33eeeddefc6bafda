import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expectNoSeriousA11yViolations } from './support/axe';
import { expect, test } from './support/test';
import { ImportPage } from './pages/import-page';

const FIXTURE = fileURLToPath(
  new URL('../fixtures/ics/import-duplicate-uid-and-broken.ics', import.meta.url),
);
const FOLDED = fileURLToPath(
  new URL('../fixtures/ics/folds-inside-utf8-characters-crlf.ics', import.meta.url),
);

test.describe('import and export (.ics)', () => {
  test('preview with counts and the broken entry, import, re-import without doubles', async ({
    page,
    agenda,
  }) => {
    const screen = new ImportPage(page);
    await screen.goto();
    await screen.pick(FIXTURE);
    await expect(screen.targetCalendar).toHaveValue(/.+/);
    await expect(screen.count('Events in the file: 3')).toBeVisible();
    await expect(screen.count('New: 3')).toBeVisible();
    await expect(screen.count(/^Already exist in this calendar.*: 0$/)).toBeVisible();
    await expect(screen.count('Entries that cannot be imported: 1')).toBeVisible();
    await expect(screen.preview).toContainText(/Raffle draw \(line \d+\): its start date cannot be read/);
    await expect(screen.preview).toContainText('Quiz night: it appears more than once in the file');
    await expectNoSeriousA11yViolations(page, 'the import preview');
    await screen.confirmImport();

    await agenda.goto('month', '2026-12-01');
    await expect(agenda.event('Choir rehearsal').first()).toBeVisible();
    await expect(agenda.event('Choir rehearsal (church hall)')).toHaveCount(1);
    await expect(agenda.event('Quiz night')).toHaveCount(1);
    await expect(agenda.event('Christmas fair').first()).toBeVisible();
    await expect(agenda.event('Raffle draw')).toHaveCount(0);

    await screen.goto();
    await screen.pick(FIXTURE);
    await expect(screen.count('New: 0')).toBeVisible();
    await expect(screen.count(/^Already exist in this calendar.*: 3$/)).toBeVisible();
    await screen.confirmImport();
    await agenda.goto('month', '2026-12-01');
    await expect(agenda.event('Choir rehearsal (church hall)')).toHaveCount(1);
    await expect(agenda.event('Quiz night')).toHaveCount(1);
  });

  test('a file folded inside é, € and 🎉 imports them whole (the page reads bytes, not text)', async ({
    page,
    agenda,
  }) => {
    const screen = new ImportPage(page);
    await screen.goto();
    await screen.pick(FOLDED);
    await expect(screen.count('New: 1')).toBeVisible();
    await screen.confirmImport();
    await agenda.goto('month', '2026-03-01');
    await expect(agenda.event('Café crème')).toHaveCount(1);
  });

  test('exports a calendar from its dialog and from the import page, keeping every event', async ({
    page,
    agenda,
  }) => {
    const screen = new ImportPage(page);
    await screen.goto();
    await expectNoSeriousA11yViolations(page, 'the import and export page');
    await screen.pick(FIXTURE);
    await screen.confirmImport();

    const fromPage = await screen.exportCalendarNamed('Personal');
    expect(fromPage.suggestedFilename()).toBe('Personal.ics');
    const text = readFileSync(await fromPage.path(), 'utf8');
    expect(text).toContain('X-WR-CALNAME:Personal');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(4);
    expect(text).toContain('RECURRENCE-ID;TZID=Europe/Zurich:20261210T190000');
    expect(text.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
    expect(text).toContain('LOCATION:The Crown');

    await agenda.goto('month', '2026-12-01');
    await agenda.editCalendarButton('Personal').click();
    const dialog = agenda.calendarDialog();
    const download = page.waitForEvent('download');
    await dialog.dialog.getByRole('button', { name: 'Export .ics', exact: true }).click();
    const fromDialog = await download;
    expect(fromDialog.suggestedFilename()).toBe('Personal.ics');
    expect(readFileSync(await fromDialog.path(), 'utf8')).toBe(text);
  });

  test('a file dropped on the agenda, or handed over by the OS, opens in the preview', async ({
    page,
    agenda,
  }) => {
    const screen = new ImportPage(page);
    const text = readFileSync(FIXTURE, 'utf8');
    await agenda.goto('month', '2026-12-01');
    await page.evaluate((ics) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([ics], 'club.ics', { type: 'text/calendar' }));
      const main = document.querySelector('main');
      for (const type of ['dragover', 'drop']) {
        main?.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    }, text);
    await expect(page).toHaveURL(/\/import\?source=file$/);
    await expect(screen.preview).toContainText('Preview of club.ics');
    await expect(
      screen.main.getByRole('status').filter({ hasText: 'club.ics was opened with Almanac.' }),
    ).toBeVisible();
    await screen.confirmImport();
    const inboxAfter = await page.evaluate(
      async () => (await (await caches.open('almanac-import-inbox')).keys()).length,
    );
    expect(inboxAfter).toBe(0);

    await page.goto('/import?source=share');
    await expect(screen.main.getByText('No file arrived. Choose one below.')).toBeVisible();
  });
});
