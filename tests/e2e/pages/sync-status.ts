import type { Locator, Page } from '@playwright/test';

/**
 * A synced calendar's status line and its "Sync now" control (src/components/sync), shown in the
 * agenda's calendar sidebar and in Settings › Accounts.
 */
export class SyncStatus {
  constructor(readonly page: Page) {}

  /** "Sync now: <calendar>" (while the calendar is not failing; "Retry: <calendar>" when it is). */
  syncNowButton(calendar: string): Locator {
    return this.page.getByRole('button', { name: `Sync now: ${calendar}`, exact: true });
  }

  retryButton(calendar: string): Locator {
    return this.page.getByRole('button', { name: `Retry: ${calendar}`, exact: true });
  }

  /** The first "Synced …" line on the screen (e.g. "Synced just now"). */
  synced(): Locator {
    return this.page.getByText(/^Synced /).first();
  }
}
