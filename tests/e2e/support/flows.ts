import { expect } from '@playwright/test';
import type { AgendaPage } from '../pages/agenda-page';

export interface NewTimedEvent {
  readonly title: string;
  readonly date: string;
  readonly start: string;
  readonly end: string;
  readonly location?: string;
  readonly calendar?: string;
}

/** Creates a one-off timed event with the toolbar's "New event" button, on the agenda's current page. */
export async function createTimedEvent(agenda: AgendaPage, event: NewTimedEvent): Promise<void> {
  const editor = await agenda.openNewEvent();
  await editor.fill({
    title: event.title,
    startDate: event.date,
    startTime: event.start,
    endDate: event.date,
    endTime: event.end,
    ...(event.location !== undefined ? { location: event.location } : {}),
    ...(event.calendar !== undefined ? { calendar: event.calendar } : {}),
  });
  await editor.saveAndClose();
  await expect(agenda.event(event.title).first()).toBeVisible();
}
