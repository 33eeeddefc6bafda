import type { Locator, Page } from '@playwright/test';
import { Shell } from './shell';

/** An accessible name that is not a "Join" link's. */
const NOT_JOIN = /^(?!Join )/;

/** The dashboard (`/`) and its "Upcoming" widget. */
export class DashboardPage extends Shell {
  readonly upcoming: Locator;
  readonly empty: Locator;

  constructor(page: Page) {
    super(page);
    // A <section> named by its heading has the role "region".
    this.upcoming = page.getByRole('region', { name: 'Upcoming' });
    this.empty = this.upcoming.getByText('Nothing coming up');
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
  }

  /** A day heading (h3): "Today", "Tomorrow", "Thursday 26 November". */
  dayHeading(name: string): Locator {
    return this.upcoming.getByRole('heading', { level: 3, name, exact: true });
  }

  /** Every occurrence link in the widget (not the "Join" links beside some). */
  items(): Locator {
    return this.upcoming.getByRole('link', { name: NOT_JOIN });
  }

  /** The occurrence whose accessible name contains `title`. */
  item(title: string): Locator {
    return this.upcoming.getByRole('link', {
      name: new RegExp(`${NOT_JOIN.source}.*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    });
  }

  /** The "Join" link of an occurrence's online meeting: "Join <title> on <service> (opens in a new tab)". */
  joinLink(title: string): Locator {
    return this.upcoming.getByRole('link', { name: new RegExp(`^Join ${title} (on|online)`) });
  }

  /** The occurrence links listed under a day heading (those whose nearest h3 before them is it). */
  itemsUnder(day: string): Locator {
    return this.upcoming.locator(`xpath=.//a[preceding::h3[1][normalize-space()="${day}"]]`);
  }
}
