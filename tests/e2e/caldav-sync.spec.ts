import { SyncStatus } from './pages/sync-status';
import { addRadicaleAccount } from './support/caldav-flows';
import { seededEvents, TEAM, expect, test } from './support/caldav-test';
import { addDays, today } from './support/dates';
import { countRows } from './support/idb';

/**
 * CalDAV end to end: a real Radicale (tests/servers) reached through the app's own CORS proxy
 * (scripts/serve.mjs, allowed to reach that one loopback port), the real sync worker, real IndexedDB.
 */
const FIRST_SYNC = { timeout: 20_000 };
const A_SYNC = { timeout: 15_000 };

test('an account added in Settings shows its calendar in the agenda and the dashboard, and follows server edits', async ({
  caldav,
  settings,
  agenda,
  dashboard,
  page,
}) => {
  test.setTimeout(60_000);
  const [standup, review, retro] = seededEvents();
  if (!standup || !review || !retro) throw new Error('seeded events missing');
  const accounts = await addRadicaleAccount(settings, caldav, TEAM);
  await expect(accounts.accountsList.getByText(TEAM, { exact: true })).toBeVisible();

  const tomorrow = addDays(today(), 1);
  await agenda.goto('week', tomorrow);
  await expect(agenda.sidebar.getByRole('checkbox', { name: TEAM, exact: true })).toBeChecked();
  for (const event of [standup, review, retro])
    await expect(agenda.event(event.summary).first()).toBeVisible(FIRST_SYNC);

  await dashboard.goto();
  for (const event of [standup, review, retro]) await expect(dashboard.item(event.summary)).toBeVisible();

  // Another client changes the standup on the server; "Sync now" in the agenda brings it in.
  await caldav.putEvent({ ...standup, summary: 'Team standup on Zoom' }, 1);
  await agenda.goto('week', tomorrow);
  await new SyncStatus(page).syncNowButton(TEAM).click();
  await expect(agenda.event('Team standup on Zoom').first()).toBeVisible(A_SYNC);
  await expect(agenda.event(/^Team standup$/)).toHaveCount(0);

  // The dashboard, open while the server changes again, updates after a sync without a reload.
  await dashboard.goto();
  await expect(dashboard.item('Team standup on Zoom')).toBeVisible();
  await caldav.putEvent({ ...review, summary: 'Design review (room 2)' }, 1);
  await settings.goto();
  await new SyncStatus(page).syncNowButton(TEAM).click();
  await dashboard.navLink('Dashboard').click();
  await expect(dashboard.item('Design review (room 2)')).toBeVisible(A_SYNC);
});

test('edits made in the app reach the server, online at once and offline when the network is back', async ({
  caldav,
  settings,
  agenda,
  page,
  context,
}) => {
  test.setTimeout(60_000);
  const [, review, retro] = seededEvents();
  if (!review || !retro) throw new Error('seeded events missing');
  await addRadicaleAccount(settings, caldav, TEAM);
  const tomorrow = addDays(today(), 1);
  await agenda.goto('week', tomorrow);
  await expect(agenda.event(retro.summary).first()).toBeVisible(FIRST_SYNC);

  // Online: the editor's change is pushed shortly after it is saved.
  let editor = await agenda.openEvent(review.summary);
  await editor.fill({ title: 'Design review, final' });
  await editor.saveAndClose();
  await expect(agenda.event('Design review, final').first()).toBeVisible();
  await expect.poll(() => caldav.summaryOnServer(review.uid), A_SYNC).toBe('Design review, final');
  await expect.poll(() => countRows(page, 'outbox')).toBe(0);

  // Offline: shown at once, kept in the outbox, and the server is untouched.
  await context.setOffline(true);
  editor = await agenda.openEvent(retro.summary);
  await editor.fill({ title: 'Sprint retro (written offline)' });
  await editor.saveAndClose();
  await expect(agenda.event('Sprint retro (written offline)').first()).toBeVisible();
  await expect(agenda.event(/^Sprint retro$/)).toHaveCount(0);
  expect(await countRows(page, 'outbox')).toBe(1);
  // The push after the edit is tried and fails for lack of network: the calendar offers "Retry".
  await expect(new SyncStatus(page).retryButton(TEAM)).toBeVisible(A_SYNC);
  expect(await caldav.summaryOnServer(retro.uid)).toBe(retro.summary);
  expect(await countRows(page, 'outbox')).toBe(1);

  // Back online (the page gets `online`): the edit reaches the server without any click.
  await context.setOffline(false);
  await expect.poll(() => caldav.summaryOnServer(retro.uid), A_SYNC).toBe('Sprint retro (written offline)');
  await expect.poll(() => countRows(page, 'outbox')).toBe(0);
  await expect(new SyncStatus(page).syncNowButton(TEAM)).toBeVisible();
});
