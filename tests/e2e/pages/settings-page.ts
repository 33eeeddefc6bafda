import type { Locator, Page } from '@playwright/test';
import { Shell } from './shell';

/** Settings (`/settings`): appearance, language, shortcuts, widget size, the agenda's preferences, storage. */
export class SettingsPage extends Shell {
  readonly theme: Locator;
  readonly language: Locator;
  readonly shortcuts: Locator;
  readonly upcomingCount: Locator;
  readonly storageHeading: Locator;
  readonly weekStart: Locator;
  readonly clock: Locator;
  readonly weekNumbers: Locator;
  readonly secondZone: Locator;
  readonly defaultCalendar: Locator;
  readonly defaultDuration: Locator;

  constructor(page: Page) {
    super(page);
    this.theme = this.main.getByLabel('Theme', { exact: true });
    this.language = this.main.getByLabel('Language', { exact: true });
    this.shortcuts = this.main.getByRole('checkbox', { name: 'Keyboard shortcuts' });
    this.upcomingCount = this.main.getByLabel('Events in the upcoming widget');
    this.storageHeading = this.main.getByRole('heading', { name: 'Storage' });
    this.weekStart = this.main.getByLabel('First day of the week', { exact: true });
    this.clock = this.main.getByLabel('Time format', { exact: true });
    this.weekNumbers = this.main.getByRole('checkbox', { name: 'Show week numbers' });
    this.secondZone = this.main.getByLabel('Second time zone', { exact: true });
    this.defaultCalendar = this.main.getByLabel('Default calendar for new events', { exact: true });
    this.defaultDuration = this.main.getByLabel('Default event duration', { exact: true });
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
