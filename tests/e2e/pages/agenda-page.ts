import { expect, type Locator, type Page } from '@playwright/test';
import { EventCard } from './event-card';
import { EventEditor } from './event-editor';
import { Shell } from './shell';

export type ViewName = 'Month' | 'Week' | 'Day' | 'List';
export type ViewPath = 'month' | 'week' | 'day' | 'list';

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The agenda (`/agenda/{view}/{date}`): toolbar, calendar sidebar, FullCalendar view. */
export class AgendaPage extends Shell {
  readonly todayButton: Locator;
  readonly previousButton: Locator;
  readonly nextButton: Locator;
  readonly viewGroup: Locator;
  readonly rangeHeading: Locator;
  readonly newEventButton: Locator;
  readonly sidebar: Locator;
  readonly newCalendarButton: Locator;

  constructor(page: Page) {
    super(page);
    this.todayButton = this.main.getByRole('button', { name: 'Today', exact: true });
    this.previousButton = this.main.getByRole('button', { name: 'Previous', exact: true });
    this.nextButton = this.main.getByRole('button', { name: 'Next', exact: true });
    this.viewGroup = this.main.getByRole('group', { name: 'View' });
    // The range heading is the toolbar's h2: the toolbar is what holds the "View" group.
    this.rangeHeading = this.main
      .locator('*')
      .filter({ has: page.getByRole('group', { name: 'View' }) })
      .last()
      .getByRole('heading', { level: 2 });
    this.newEventButton = this.main.getByRole('button', { name: 'New event', exact: true });
    this.sidebar = page
      .getByRole('complementary', { name: 'Calendars' })
      .or(page.getByRole('region', { name: 'Calendars' }));
    this.newCalendarButton = this.sidebar.getByRole('button', { name: 'New calendar', exact: true });
  }

  async goto(view: ViewPath, date: string, query = ''): Promise<void> {
    await this.page.goto(`/agenda/${view}/${date}${query}`);
    await expect(this.viewButton(capitalised(view))).toHaveAttribute('aria-pressed', 'true');
  }

  viewButton(name: ViewName): Locator {
    return this.viewGroup.getByRole('button', { name, exact: true });
  }

  /** Every rendered event element. */
  events(): Locator {
    return this.page.locator('[data-occurrence-id]');
  }

  /** Rendered event elements containing `title`. */
  event(title: string | RegExp): Locator {
    return this.events().filter({ hasText: title });
  }

  /** FullCalendar's cells for a date (day-grid cells, time-grid columns, list headers). */
  dayCells(date: string): Locator {
    return this.main.locator(`[data-date="${date}"]`);
  }

  /** Opens the editor for a new event with the toolbar's button. */
  async openNewEvent(): Promise<EventEditor> {
    await this.newEventButton.click();
    const editor = new EventEditor(this.page, 'New event');
    await expect(editor.dialog).toBeVisible();
    return editor;
  }

  /** Opens the details card of the (first) rendered event with this title, with a click. */
  async openDetails(title: string): Promise<EventCard> {
    await this.event(title).first().click();
    const card = new EventCard(this.page);
    await card.expectOpen();
    return card;
  }

  /** Opens the editor of the (first) rendered event with this title: its card, then "Edit". */
  async openEvent(title: string): Promise<EventEditor> {
    const card = await this.openDetails(title);
    await card.editButton.click();
    const editor = new EventEditor(this.page, 'Edit event');
    await expect(editor.dialog).toBeVisible();
    return editor;
  }

  /** The time-grid column of `date` (week/day views): the tallest element carrying its date. */
  async columnBox(date: string): Promise<Box> {
    const boxes = await this.dayCells(date).evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    );
    const column = boxes.sort((a, b) => b.height - a.height)[0];
    if (!column || column.height < 200) throw new Error(`No time-grid column for ${date}`);
    return column;
  }

  /** The box of the time-grid slot (the lane across all days) that starts at `time` (`HH:MM`). */
  async slotBox(time: string): Promise<Box> {
    const slot = this.main.locator(`[data-time="${time}:00"]`).last();
    await slot.scrollIntoViewIfNeeded();
    const box = await slot.boundingBox();
    if (!box) throw new Error(`No time-grid slot at ${time}`);
    return box;
  }

  /**
   * Selects `from`–`to` on `date` by dragging down the time grid, as a user would with the mouse:
   * from the middle of the `from` slot to just above the slot that starts at `to`.
   */
  async dragSelect(date: string, from: string, to: string): Promise<EventEditor> {
    const first = await this.slotBox(from);
    const startY = first.y + first.height / 2;
    const endY = (await this.slotBox(to)).y - 4;
    const column = await this.columnBox(date);
    const x = column.x + column.width / 2;
    await this.page.mouse.move(x, startY);
    await this.page.mouse.down();
    await this.page.mouse.move(x, (startY + endY) / 2, { steps: 5 });
    await this.page.mouse.move(x, endY, { steps: 5 });
    await this.page.mouse.up();
    const editor = new EventEditor(this.page, 'New event');
    await expect(editor.dialog).toBeVisible();
    return editor;
  }

  /** Drags the rendered event with this title to `date`, keeping its time (week view). */
  async dragEventToDay(title: string, date: string): Promise<void> {
    const source = this.event(title).first();
    await source.scrollIntoViewIfNeeded();
    const box = await source.boundingBox();
    if (!box) throw new Error(`Event ${title} is not rendered`);
    const column = await this.columnBox(date);
    const y = box.y + Math.min(10, box.height / 2);
    await this.page.mouse.move(box.x + box.width / 2, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width / 2 + 10, y, { steps: 3 });
    await this.page.mouse.move(column.x + column.width / 2, y, { steps: 10 });
    await this.page.mouse.up();
  }

  /**
   * Drags the bottom edge of the rendered event with this title down (or up) the time grid so that it
   * ends at `time` (`HH:MM`), as a user resizes it with the mouse: to just above the slot starting then.
   */
  async resizeEventEnd(title: string, time: string): Promise<void> {
    const source = this.event(title).first();
    await source.scrollIntoViewIfNeeded();
    const box = await source.boundingBox();
    if (!box) throw new Error(`Event ${title} is not rendered`);
    const x = box.x + box.width / 2;
    const edge = box.y + box.height - 2;
    const endY = (await this.slotBox(time)).y - 4;
    await this.page.mouse.move(x, edge);
    await this.page.mouse.down();
    await this.page.mouse.move(x, edge + 3, { steps: 2 });
    await this.page.mouse.move(x, endY, { steps: 10 });
    await this.page.mouse.up();
  }

  /** Event elements whose change is still being saved (`aria-busy="true"`): not done yet. */
  savingEvents(): Locator {
    return this.events().and(this.page.locator('[aria-busy="true"]'));
  }

  /**
   * Waits until the event with this title sits in `date`'s time-grid column and is no longer marked as
   * saving: what the user sees as a finished move. Event, column and mark are read together, in one
   * go, as FullCalendar may redraw meanwhile (and after a reload it draws the grid first).
   */
  async expectMovedTo(title: string, date: string): Promise<void> {
    await expect
      .poll(() =>
        this.event(title)
          .first()
          .evaluate((el, day) => {
            // The time-grid column: the tallest element carrying the date (as columnBox reads it).
            const columns = [...document.querySelectorAll(`main [data-date="${day}"]`)].map((c) =>
              c.getBoundingClientRect(),
            );
            const column = columns.sort((a, b) => b.height - a.height)[0];
            if (!column || column.height < 200) return false;
            const r = el.getBoundingClientRect();
            const middle = r.x + r.width / 2;
            return middle > column.x && middle < column.right && el.getAttribute('aria-busy') !== 'true';
          }, date),
      )
      .toBe(true);
  }

  /** Waits until the event with this title shows `text` (e.g. its new end time) and is no longer saving. */
  async expectShowsSaved(title: string, text: string): Promise<void> {
    await expect
      .poll(() =>
        this.event(title)
          .first()
          .evaluate(
            (el, wanted) => el.textContent.includes(wanted) && el.getAttribute('aria-busy') !== 'true',
            text,
          ),
      )
      .toBe(true);
  }

  calendarToggle(name: string): Locator {
    return this.sidebar.getByRole('checkbox', { name, exact: true });
  }

  editCalendarButton(name: string): Locator {
    return this.sidebar.getByRole('button', { name: `Edit calendar ${name}`, exact: true });
  }

  /** The calendar dialog: the dialog holding the "Name" and "Colour" fields. */
  calendarDialog(): CalendarDialog {
    return new CalendarDialog(this.page);
  }
}

function capitalised(view: ViewPath): ViewName {
  return (view.charAt(0).toUpperCase() + view.slice(1)) as ViewName;
}

/** Create / edit a calendar: "Name", "Colour", "Save", "Cancel", "Delete calendar". */
export class CalendarDialog {
  readonly dialog: Locator;
  readonly name: Locator;
  readonly colour: Locator;
  readonly saveButton: Locator;
  readonly deleteButton: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog').filter({ has: page.getByLabel('Name', { exact: true }) });
    this.name = this.dialog.getByLabel('Name', { exact: true });
    this.colour = this.dialog.getByLabel('Colour', { exact: true });
    this.saveButton = this.dialog.getByRole('button', { name: 'Save', exact: true });
    this.deleteButton = this.dialog.getByRole('button', { name: 'Delete calendar', exact: true });
  }

  async save(): Promise<void> {
    await this.saveButton.click();
    await expect(this.dialog).toBeHidden();
  }

  /** "Delete calendar", then "Delete" in the confirmation that follows. */
  async deleteAfterConfirming(): Promise<void> {
    await this.deleteButton.click();
    const confirmation = this.page
      .getByRole('dialog')
      .or(this.page.getByRole('alertdialog'))
      .filter({ has: this.page.getByRole('button', { name: 'Delete', exact: true }) });
    await confirmation.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(this.dialog).toBeHidden();
  }
}
