import { EventEditor } from './pages/event-editor';
import { today } from './support/dates';
import { expect, test } from './support/test';

test('keyboard shortcuts switch views, step, go to today, open the editor and the help', async ({
  page,
  agenda,
}) => {
  await agenda.goto('month', '2026-03-15');
  const cases: readonly (readonly [key: string, url: RegExp, view: 'Month' | 'Week' | 'Day' | 'List'])[] = [
    ['w', /\/agenda\/week\/2026-03-15$/, 'Week'],
    ['d', /\/agenda\/day\/2026-03-15$/, 'Day'],
    ['l', /\/agenda\/list\/2026-03-15$/, 'List'],
    ['m', /\/agenda\/month\/2026-03-15$/, 'Month'],
    ['ArrowRight', /\/agenda\/month\/2026-04-15$/, 'Month'],
    ['ArrowLeft', /\/agenda\/month\/2026-03-15$/, 'Month'],
  ];
  for (const [key, url, view] of cases) {
    await agenda.pressShortcut(key);
    await expect(page, `after pressing ${key}`).toHaveURL(url);
    await expect(agenda.viewButton(view)).toHaveAttribute('aria-pressed', 'true');
  }
  await agenda.pressShortcut('t');
  await expect(page).toHaveURL(new RegExp(`/agenda/month/${today()}$`));

  await agenda.pressShortcut('n');
  const editor = new EventEditor(page, 'New event');
  await expect(editor.dialog).toBeVisible();
  // Typing in a field is typing, not a shortcut.
  await editor.title.fill('');
  await editor.title.pressSequentially('mwdl');
  await expect(editor.title).toHaveValue('mwdl');
  await expect(page).toHaveURL(new RegExp(`/agenda/month/${today()}`));
  await editor.cancel();

  await agenda.pressShortcut('?');
  await expect(agenda.shortcutsDialog).toBeVisible();
  await expect(agenda.shortcutsDialog).toContainText('t');
  await page.keyboard.press('Escape');
  await expect(agenda.shortcutsDialog).toBeHidden();
});

test('shortcuts can be turned off in Settings, and stay off after a reload', async ({
  page,
  settings,
  agenda,
}) => {
  await settings.goto();
  await expect(settings.shortcuts).toBeChecked();
  await settings.shortcuts.uncheck();

  const expectShortcutsIgnored = async (): Promise<void> => {
    await expect(agenda.viewButton('Week')).toHaveAttribute('aria-pressed', 'true');
    const url = page.url();
    for (const key of ['m', 'ArrowRight', '?']) await agenda.pressShortcut(key);
    // Give a (wrong) shortcut time to act before checking that nothing happened.
    await page.waitForTimeout(300);
    expect(page.url()).toBe(url);
    await expect(agenda.viewButton('Week')).toHaveAttribute('aria-pressed', 'true');
    await expect(agenda.shortcutsDialog).toBeHidden();
  };
  // In the same page (no reload)…
  await settings.navLink('Agenda').click();
  await expectShortcutsIgnored();
  // …and after a reload.
  await page.reload();
  await expectShortcutsIgnored();
  await settings.goto();
  await expect(settings.shortcuts).not.toBeChecked();

  await settings.shortcuts.check();
  await settings.navLink('Agenda').click();
  await expect(agenda.viewButton('Week')).toHaveAttribute('aria-pressed', 'true');
  await agenda.pressShortcut('m');
  await expect(agenda.viewButton('Month')).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/\/agenda\/month\//);
});
