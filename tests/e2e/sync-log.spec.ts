import { readFileSync } from 'node:fs';
import { SyncLogSection } from './pages/sync-log-section';
import { SyncStatus } from './pages/sync-status';
import { addRadicaleAccount } from './support/caldav-flows';
import { TEAM, expect, test } from './support/caldav-test';

/**
 * Settings › Sync issues › Sync log against a real Radicale through the app's proxy: the sync worker's
 * lines land in IndexedDB and show live, a failed sync says why, and "Copy diagnostics" gives one text
 * for a bug report (the clipboard, or a selected box when the browser refuses it).
 */
const FIRST_SYNC = { timeout: 20_000 };

/** The newest `db.version(n)` block of the append-only migrations: the version the app opens. */
function latestSchemaVersion(): number {
  const source = readFileSync(new URL('../../src/core/db/migrations.ts', import.meta.url), 'utf8');
  return Math.max(...[...source.matchAll(/db\.version\((\d+)\)/g)].map((match) => Number(match[1])));
}
const A_SYNC = { timeout: 15_000 };

test('a failed sync shows in Settings › Sync issues, and Copy diagnostics puts the report on the clipboard', async ({
  caldav,
  app,
  settings,
  page,
  context,
}) => {
  test.setTimeout(60_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  await addRadicaleAccount(settings, caldav, TEAM);
  const log = new SyncLogSection(page);
  await expect(log.line('Synced. Received: 3, sent: 0, deleted here: 0.')).toBeVisible(FIRST_SYNC);
  await expect(log.line('Synced.')).toContainText(`› ${TEAM}`);

  // The server goes away: the next sync fails, and the log says so, for that calendar.
  await caldav.server.stop();
  await new SyncStatus(page).syncNowButton(TEAM).click();
  await expect(log.line('Sync failed').first()).toBeVisible(A_SYNC);
  await log.errorsOnly.check();
  await expect(log.line('Synced.')).toHaveCount(0);
  const failed = log.lines.first();
  await expect(failed).toContainText('Error');
  await expect(failed).toContainText(`› ${TEAM}`);

  await log.copyButton.click();
  await expect(log.copyStatus).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^Almanac diagnostics\n/);
  expect(copied).toMatch(/\nApp version: \d+\.\d+\.\d+/);
  expect(copied).toContain(`\nDatabase schema version: ${latestSchemaVersion()}\n`);
  expect(copied).toMatch(new RegExp(`\\n- [^\\n]+ › ${TEAM}\\n  status: failed: `));
  expect(copied).toMatch(new RegExp(`\\d{2}Z ERROR [^\\n]+ › ${TEAM}: Sync failed \\(`));
  expect(copied).toContain('sync token: present');
  expect(copied).not.toContain(caldav.server.password);

  // A browser that refuses the clipboard: the same text, selected in a box to copy by hand.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Refused', 'NotAllowedError'));
  });
  await log.copyButton.click();
  await expect(log.copyStatus).toContainText('The browser did not allow copying.');
  await expect(log.fallback).toBeFocused();
  await expect(log.fallback).toHaveValue(/^Almanac diagnostics\n[\s\S]* › Team: Sync failed \(/);
  expect(
    await log.fallback.evaluate((box: HTMLTextAreaElement) => box.selectionEnd - box.selectionStart),
  ).toBe((await log.fallback.inputValue()).length);
});
