import { expect, type Locator, type Page } from '@playwright/test';
import { Shell } from './shell';

/** `/subscribe?url=…`: a feed address, its preview, "Subscribe", and the list of subscriptions. */
export class SubscribePage extends Shell {
  readonly address: Locator;
  readonly previewButton: Locator;
  readonly preview: Locator;
  readonly name: Locator;
  readonly subscribeButton: Locator;

  constructor(page: Page) {
    super(page);
    this.address = this.main.getByLabel('Calendar address', { exact: true });
    this.previewButton = this.main.getByRole('button', { name: 'Preview', exact: true });
    this.preview = this.main.getByRole('region', { name: 'Preview', exact: true });
    this.name = this.preview.getByLabel('Name', { exact: true });
    this.subscribeButton = this.preview.getByRole('button', { name: 'Subscribe', exact: true });
  }

  /** Opens the screen as a webcal: link does (`/subscribe?url=…`): the preview loads by itself. */
  async gotoWithFeed(feed: string): Promise<void> {
    await this.page.goto(`/subscribe?url=${encodeURIComponent(feed)}`);
    await expect(this.h1).toHaveText('Subscribe to a calendar');
  }

  async subscribe(): Promise<void> {
    await this.subscribeButton.click();
    await expect(this.main.getByRole('status').filter({ hasText: /^Subscribed to / })).toBeVisible();
  }

  refreshButton(name: string): Locator {
    return this.main.getByRole('button', { name: `Refresh ${name} now`, exact: true });
  }
}
