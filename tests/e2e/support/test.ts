import { test as base, expect } from '@playwright/test';
import { AgendaPage } from '../pages/agenda-page';
import { DashboardPage } from '../pages/dashboard-page';
import { SettingsPage } from '../pages/settings-page';

interface Screens {
  readonly dashboard: DashboardPage;
  readonly agenda: AgendaPage;
  readonly settings: SettingsPage;
  /** Uncaught errors thrown in the page; the test fails if any remain at its end. */
  readonly pageErrors: Error[];
}

/**
 * Playwright's `test` with one page model per screen. Each test runs in a fresh browser context
 * (Playwright's default), hence with a fresh, empty IndexedDB. An uncaught error in the page fails
 * the test even when the visible flow happened to work.
 */
export const test = base.extend<Screens>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: Error[] = [];
      page.on('pageerror', (error) => errors.push(error));
      await use(errors);
      expect(
        errors.map((e) => e.message),
        'uncaught errors in the page',
      ).toEqual([]);
    },
    { auto: true },
  ],
  dashboard: async ({ page }, use) => {
    await use(new DashboardPage(page));
  },
  agenda: async ({ page }, use) => {
    await use(new AgendaPage(page));
  },
  settings: async ({ page }, use) => {
    await use(new SettingsPage(page));
  },
});

export { expect };
