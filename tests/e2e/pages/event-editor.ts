import { expect, type Locator, type Page } from '@playwright/test';
import type { WeekdayName } from '../support/dates';
import { dialogNamed } from './dialogs';

export interface TimedFields {
  readonly title?: string;
  readonly location?: string;
  readonly description?: string;
  readonly startDate?: string;
  readonly startTime?: string;
  readonly endDate?: string;
  readonly endTime?: string;
  readonly calendar?: string;
}

export type Repeat = 'Does not repeat' | 'Daily' | 'Weekly' | 'Monthly' | 'Yearly';

/** The event editor dialog, "New event" or "Edit event". */
export class EventEditor {
  readonly dialog: Locator;
  readonly title: Locator;
  readonly location: Locator;
  readonly description: Locator;
  readonly allDay: Locator;
  readonly startDate: Locator;
  readonly startTime: Locator;
  readonly endDate: Locator;
  readonly endTime: Locator;
  readonly calendar: Locator;
  readonly repeat: Locator;
  readonly every: Locator;
  readonly ends: Locator;
  readonly occurrences: Locator;
  readonly endRepeatDate: Locator;
  readonly saveButton: Locator;
  readonly cancelButton: Locator;
  readonly deleteButton: Locator;

  constructor(
    readonly page: Page,
    name: 'New event' | 'Edit event' | RegExp = /^(New event|Edit event)$/,
  ) {
    this.dialog = dialogNamed(page, name);
    const field = (label: string): Locator => this.dialog.getByLabel(label, { exact: true });
    this.title = field('Title');
    this.location = field('Location');
    this.description = field('Description');
    this.allDay = this.dialog.getByRole('checkbox', { name: 'All day', exact: true });
    this.startDate = field('Start date');
    this.startTime = field('Start time');
    this.endDate = field('End date');
    this.endTime = field('End time');
    this.calendar = field('Calendar');
    this.repeat = field('Repeat');
    this.every = field('Every');
    this.ends = field('Ends');
    this.occurrences = field('Occurrences');
    this.endRepeatDate = field('End repeat date');
    this.saveButton = this.dialog.getByRole('button', { name: 'Save', exact: true });
    this.cancelButton = this.dialog.getByRole('button', { name: 'Cancel', exact: true });
    this.deleteButton = this.dialog.getByRole('button', { name: 'Delete', exact: true });
  }

  weekday(name: WeekdayName): Locator {
    return this.dialog.getByRole('checkbox', { name, exact: true });
  }

  /** Fills the given fields, in an order that never makes the form invalid on the way (start first). */
  async fill(fields: TimedFields): Promise<void> {
    if (fields.title !== undefined) await this.title.fill(fields.title);
    if (fields.location !== undefined) await this.location.fill(fields.location);
    if (fields.description !== undefined) await this.description.fill(fields.description);
    if (fields.startDate !== undefined) await this.startDate.fill(fields.startDate);
    if (fields.startTime !== undefined) await this.startTime.fill(fields.startTime);
    if (fields.endDate !== undefined) await this.endDate.fill(fields.endDate);
    if (fields.endTime !== undefined) await this.endTime.fill(fields.endTime);
    if (fields.calendar !== undefined) await this.calendar.selectOption({ label: fields.calendar });
  }

  /** Weekly on the given days, ending after `count` occurrences. */
  async repeatWeekly(days: readonly WeekdayName[], count: number): Promise<void> {
    await this.repeat.selectOption({ label: 'Weekly' });
    for (const day of [
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ] as const) {
      await this.weekday(day).setChecked(days.includes(day));
    }
    await this.ends.selectOption({ label: 'After' });
    await this.occurrences.fill(String(count));
  }

  async save(): Promise<void> {
    await this.saveButton.click();
  }

  /** Saves and waits for the dialog to close (i.e. the save was accepted). */
  async saveAndClose(): Promise<void> {
    await this.save();
    await expect(this.dialog).toBeHidden();
  }

  async cancel(): Promise<void> {
    await this.cancelButton.click();
    await expect(this.dialog).toBeHidden();
  }

  /** Expects the field to be marked invalid with `message` as (part of) its description. */
  async expectFieldError(field: Locator, message: string | RegExp): Promise<void> {
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(message);
  }
}
