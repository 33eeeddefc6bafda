import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The event details card (src/pages/agenda/event-card): a `role="dialog"` named by the event's title,
 * with "Close", and "Edit", "Duplicate", "Delete" (no "Edit" or "Delete" on a read-only calendar).
 */
export class EventCard {
  readonly dialog: Locator;
  readonly closeButton: Locator;
  readonly editButton: Locator;
  readonly duplicateButton: Locator;
  readonly deleteButton: Locator;

  constructor(
    readonly page: Page,
    title?: string,
  ) {
    const cards = page
      .getByRole('dialog')
      .filter({ has: page.getByRole('button', { name: 'Duplicate', exact: true }) });
    this.dialog =
      title === undefined ? cards : cards.and(page.getByRole('dialog', { name: title, exact: true }));
    this.closeButton = this.dialog.getByRole('button', { name: 'Close', exact: true });
    this.editButton = this.dialog.getByRole('button', { name: 'Edit', exact: true });
    this.duplicateButton = this.dialog.getByRole('button', { name: 'Duplicate', exact: true });
    this.deleteButton = this.dialog.getByRole('button', { name: 'Delete', exact: true });
  }

  /** The value of one of the card's fields ("When", "Location", "Guests (3 guests)"…). */
  field(label: string | RegExp): Locator {
    return this.dialog
      .locator('.event-card__field')
      .filter({ has: this.page.locator('dt', { hasText: label }) })
      .locator('dd');
  }

  async expectOpen(): Promise<void> {
    await expect(this.dialog).toBeVisible();
    // The card has read the event once its actions are there.
    await expect(this.duplicateButton).toBeVisible();
  }
}
