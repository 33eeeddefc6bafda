import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { Shell } from './shell';

/** `/import`: "Import an .ics file" (picker, drop zone, preview) and "Export to an .ics file". */
export class ImportPage extends Shell {
  readonly fileInput: Locator;
  readonly preview: Locator;
  readonly targetCalendar: Locator;
  readonly problems: Locator;
  readonly exportCalendar: Locator;
  readonly exportCalendarButton: Locator;
  readonly exportRangeButton: Locator;

  constructor(page: Page) {
    super(page);
    this.fileInput = this.main.getByLabel('Choose an .ics file', { exact: true });
    this.preview = this.main.getByRole('region', { name: /^Preview of / });
    this.targetCalendar = this.preview.getByLabel('Import into', { exact: true });
    this.problems = this.preview.getByRole('list').last();
    this.exportCalendar = this.main.getByLabel('Calendar', { exact: true });
    this.exportCalendarButton = this.main.getByRole('button', { name: 'Export calendar', exact: true });
    this.exportRangeButton = this.main.getByRole('button', { name: 'Export dates', exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto('/import');
    await expect(this.h1).toHaveText('Import and export');
  }

  /** Picks a file with the file picker; the preview appears. */
  async pick(path: string): Promise<void> {
    await this.fileInput.setInputFiles(path);
    await expect(this.preview).toBeVisible();
  }

  /** A line of the preview's counts ("New: 3"). */
  count(text: string | RegExp): Locator {
    return this.preview.getByRole('listitem').filter({ hasText: text });
  }

  importButton(): Locator {
    return this.preview.getByRole('button', { name: /^Import \d+ events?$/ });
  }

  /** Confirms the import and waits for "Imported: …". */
  async confirmImport(): Promise<void> {
    await this.importButton().click();
    await expect(this.main.getByRole('status').filter({ hasText: /^Imported:/ })).toBeVisible();
  }

  async exportCalendarNamed(name: string): Promise<Download> {
    await this.exportCalendar.selectOption({ label: name });
    const download = this.page.waitForEvent('download');
    await this.exportCalendarButton.click();
    return download;
  }
}
