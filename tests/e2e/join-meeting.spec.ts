import { expectNoSeriousA11yViolations } from './support/axe';
import { addDays, today } from './support/dates';
import { createTimedEvent } from './support/flows';
import { expect, test } from './support/test';

const ZOOM = 'https://us02web.zoom.us/j/81234567890';
const MEET = 'https://meet.google.com/abc-defg-hij';

// Budget: creates meetings through the editor, then opens a tab: 8 s idle, past 30 s with two suites side
// by side at load 18 (2026-12-03) while still progressing.
test.describe.configure({ timeout: 60_000 });

test.describe('"Join" for online meetings', () => {
  test('the next meeting has "Join" on the dashboard, a later one in its details; it opens a new tab with no opener or referrer', async ({
    page,
    context,
    agenda,
    dashboard,
  }) => {
    const tomorrow = addDays(today(), 1);
    await agenda.goto('week', tomorrow);
    await createTimedEvent(agenda, {
      title: 'Design review',
      date: tomorrow,
      start: '10:00',
      end: '11:00',
      location: ZOOM,
    });
    await createTimedEvent(agenda, { title: 'Retro', date: tomorrow, start: '15:00', end: '16:00' });
    const retro = await agenda.openEvent('Retro');
    await retro.fill({ description: `Agenda in the doc. Join: ${MEET}.` });
    await retro.saveAndClose();

    // The meeting's details (the editor) offer it too, for any occurrence.
    const details = await agenda.openEvent('Retro');
    const joinRetro = details.dialog.getByRole('link', {
      name: 'Join Retro on Google Meet (opens in a new tab)',
    });
    await expect(joinRetro).toHaveAttribute('href', MEET);
    await expectNoSeriousA11yViolations(page, 'event details with a Join link');
    await details.cancel();

    await dashboard.goto();
    const join = dashboard.joinLink('Design review');
    await expect(join).toHaveAccessibleName('Join Design review on Zoom (opens in a new tab)');
    await expect(join).toHaveText('Join');
    await expect(join).toHaveAttribute('href', ZOOM);
    await expect(join).toHaveAttribute('target', '_blank');
    await expect(join).toHaveAttribute('rel', 'noopener noreferrer');
    // Only the next meeting (and any under way) offers "Join" here.
    await expect(dashboard.joinLink('Retro')).toHaveCount(0);
    await expect(dashboard.items()).toHaveCount(2);
    await expect(dashboard.item('Design review')).toContainText(ZOOM);
    await expectNoSeriousA11yViolations(page, 'the dashboard with a Join link');

    await context.route(`${ZOOM}**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Zoom</title>' }),
    );
    const [meeting] = await Promise.all([context.waitForEvent('page'), join.click()]);
    await expect(meeting).toHaveURL(ZOOM);
    expect(await meeting.evaluate(() => [window.opener === null, document.referrer])).toEqual([true, '']);
    await meeting.close();
    await expect(page).toHaveURL(/\/$/);
  });
});
