import type { Locator, Page } from '@playwright/test';

/**
 * Settings › Sync issues › Sync log (src/pages/settings/sync-log): the log's lines, the "Errors only"
 * filter and "Copy diagnostics" with its confirmation or its select-all fallback.
 */
export class SyncLogSection {
  readonly section: Locator;
  readonly errorsOnly: Locator;
  readonly lines: Locator;
  readonly copyButton: Locator;
  /** The status beside the button: "Copied", or why it could not copy. */
  readonly copyStatus: Locator;
  /** Shown when the browser refused the clipboard: the diagnostics, selected. */
  readonly fallback: Locator;

  constructor(readonly page: Page) {
    this.section = page
      .getByRole('main')
      .getByRole('region', { name: 'Sync issues', exact: true })
      .getByRole('region', { name: 'Sync log', exact: true });
    this.errorsOnly = this.section.getByRole('checkbox', { name: 'Errors only', exact: true });
    this.lines = this.section.getByRole('list', { name: 'Sync log lines' }).getByRole('listitem');
    this.copyButton = this.section.getByRole('button', { name: 'Copy diagnostics', exact: true });
    this.copyStatus = this.section.getByRole('status');
    this.fallback = this.section.getByRole('textbox', { name: 'Diagnostics', exact: true });
  }

  /** A line whose text matches. */
  line(text: string | RegExp): Locator {
    return this.lines.filter({ hasText: text });
  }
}
