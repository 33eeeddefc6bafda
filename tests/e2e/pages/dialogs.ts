import type { Locator, Page } from '@playwright/test';

/**
 * A dialog by accessible name. The contract says `role="dialog"`; a confirmation built as
 * `role="alertdialog"` (a subclass of dialog in ARIA) is accepted too.
 */
export function dialogNamed(page: Page, name: string | RegExp): Locator {
  return page.getByRole('dialog', { name }).or(page.getByRole('alertdialog', { name }));
}

export type Scope = 'This event' | 'This and following events' | 'All events';

/** The "Recurring event" question asked before editing, moving or deleting part of a series. */
export class ScopeDialog {
  readonly dialog: Locator;

  constructor(page: Page) {
    this.dialog = dialogNamed(page, 'Recurring event');
  }

  async choose(scope: Scope): Promise<void> {
    await this.dialog.getByRole('button', { name: scope, exact: true }).click();
  }
}

/** "Delete event?" and the calendar deletion confirmation: a dialog with a "Delete" button. */
export class ConfirmDialog {
  readonly dialog: Locator;

  constructor(page: Page, name: string | RegExp) {
    this.dialog = dialogNamed(page, name);
  }

  async confirm(label = 'Delete'): Promise<void> {
    await this.dialog.getByRole('button', { name: label, exact: true }).click();
  }
}
