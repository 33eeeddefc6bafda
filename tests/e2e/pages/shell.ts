import type { Locator, Page } from '@playwright/test';

/** What every screen shares: the main navigation, the one `main` and its `h1`. */
export class Shell {
  readonly nav: Locator;
  readonly main: Locator;
  readonly h1: Locator;
  readonly shortcutsDialog: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main' });
    this.main = page.getByRole('main');
    this.h1 = this.main.getByRole('heading', { level: 1 });
    this.shortcutsDialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  }

  navLink(name: 'Dashboard' | 'Agenda' | 'Settings'): Locator {
    return this.nav.getByRole('link', { name, exact: true });
  }

  /** Presses a key with the focus on the page body (shortcuts must not fire inside fields). */
  async pressShortcut(key: string): Promise<void> {
    await this.page.locator('body').press(key);
  }
}
