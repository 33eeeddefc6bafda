import type { Locator, Page } from '@playwright/test';
import { Shell } from './shell';

/** Settings (`/settings`): appearance, language, shortcuts, widget size, storage. */
export class SettingsPage extends Shell {
  readonly theme: Locator;
  readonly language: Locator;
  readonly shortcuts: Locator;
  readonly upcomingCount: Locator;
  readonly storageHeading: Locator;

  constructor(page: Page) {
    super(page);
    this.theme = this.main.getByLabel('Theme', { exact: true });
    this.language = this.main.getByLabel('Language', { exact: true });
    this.shortcuts = this.main.getByRole('checkbox', { name: 'Keyboard shortcuts' });
    this.upcomingCount = this.main.getByLabel('Events in the upcoming widget');
    this.storageHeading = this.main.getByRole('heading', { name: 'Storage' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/settings');
  }

  async chooseLanguage(label: 'Automatic' | 'English' | 'Français'): Promise<void> {
    await this.language.selectOption({ label });
  }

  async chooseTheme(label: 'System' | 'Light' | 'Dark'): Promise<void> {
    await this.theme.selectOption({ label });
  }
}
