/**
 * The rule-5 question (docs/sync-rules.md) "this calendar is empty on the server" as the UI handles it, free of components:
 * which calendars are waiting, the words' parameters, and sending one answer at a time with its
 * failure kept as data. The answer itself is applied by the sync worker (SyncApi.answerEmptyOnServer).
 */
import { toAppErrorData, type AppErrorData } from '../../core/errors';
import type { Calendar } from '../../core/model/calendar';
import type { CalendarId } from '../../core/model/ids';
import type { CalendarSyncState, EmptyOnServerQuestion } from '../../core/model/sync-state';
import type { EmptyOnServerAnswer } from '../../core/sync/sync-api';

/** A calendar waiting for the user's answer. */
export interface WaitingCalendar {
  readonly calendarId: CalendarId;
  readonly name: string;
  readonly question: EmptyOnServerQuestion;
}

/** The question of a calendar's sync state, or null (none asked, or a row older than the question). */
export function questionOf(
  state: Pick<CalendarSyncState, 'emptyOnServer'> | undefined,
): EmptyOnServerQuestion | null {
  return state?.emptyOnServer ?? null;
}

/** The calendars waiting for an answer, oldest question first, named (a removed calendar is skipped). */
export function waitingCalendars(
  states: readonly CalendarSyncState[],
  calendars: readonly Pick<Calendar, 'id' | 'name'>[],
): WaitingCalendar[] {
  const names = new Map(calendars.map((calendar) => [calendar.id, calendar.name]));
  const waiting: WaitingCalendar[] = [];
  for (const state of states) {
    const question = questionOf(state);
    const name = names.get(state.calendarId);
    if (question !== null && name !== undefined)
      waiting.push({ calendarId: state.calendarId, name, question });
  }
  return waiting.sort((a, b) => a.question.askedAt - b.question.askedAt);
}

/** Where one calendar's answer stands on this page. */
export type AnswerState =
  | { readonly phase: 'asking' }
  | { readonly phase: 'sending'; readonly answer: EmptyOnServerAnswer }
  | { readonly phase: 'failed'; readonly answer: EmptyOnServerAnswer; readonly error: AppErrorData };

export const ASKING: AnswerState = { phase: 'asking' };

/** Both buttons wait while an answer is on its way (a second click must not send the other answer). */
export function canAnswer(state: AnswerState): boolean {
  return state.phase !== 'sending';
}

export type SendAnswer = (calendarId: CalendarId, answer: EmptyOnServerAnswer) => Promise<boolean>;

/**
 * Sends an answer, reporting each state. On success it goes back to asking: the question itself
 * disappears from the live sync state (or stays if it was answered elsewhere and asked again).
 */
export async function sendAnswer(
  send: SendAnswer,
  calendarId: CalendarId,
  answer: EmptyOnServerAnswer,
  onState: (state: AnswerState) => void,
): Promise<void> {
  onState({ phase: 'sending', answer });
  try {
    await send(calendarId, answer);
    onState(ASKING);
  } catch (error) {
    onState({ phase: 'failed', answer, error: toAppErrorData(error) });
  }
}
