/** The rule-5 question (docs/sync-rules.md) as the UI handles it (src/components/sync/empty-on-server.ts), without components. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/errors';
import type { CalendarId } from '../../../src/core/model/ids';
import type { CalendarSyncState } from '../../../src/core/model/sync-state';
import {
  ASKING,
  canAnswer,
  questionOf,
  sendAnswer,
  waitingCalendars,
  type AnswerState,
} from '../../../src/components/sync/empty-on-server';
import { syncMessages } from '../../../src/components/sync/sync-messages';
import type { Message } from '../../../src/lib/i18n/i18n-types';

const state = (calendarId: string, askedAt: number | null): CalendarSyncState => ({
  calendarId: calendarId as CalendarId,
  syncToken: null,
  ctag: null,
  initialSyncInProgress: false,
  status: { phase: 'idle', lastOkAt: 1 },
  ...(askedAt !== null ? { emptyOnServer: { askedAt, localCount: 3 } } : {}),
});

describe('calendars waiting for the rule-5 answer', () => {
  it('reads no question from rows written before it existed, or answered', () => {
    expect(questionOf(undefined)).toBeNull();
    expect(questionOf(state('a', null))).toBeNull();
    expect(questionOf({ emptyOnServer: null })).toBeNull();
    expect(questionOf(state('a', 5))).toEqual({ askedAt: 5, localCount: 3 });
  });

  it('lists the waiting calendars by name, oldest question first, skipping removed calendars', () => {
    const calendars = [
      { id: 'work' as CalendarId, name: 'Work' },
      { id: 'home' as CalendarId, name: 'Home' },
    ];
    const waiting = waitingCalendars(
      [state('work', 20), state('home', 10), state('removed', 5), state('quiet', null)],
      calendars,
    );
    expect(waiting.map((entry) => [entry.name, entry.question.askedAt])).toEqual([
      ['Home', 10],
      ['Work', 20],
    ]);
  });
});

describe('sending an answer', () => {
  it('disables both answers while one is on its way, then asks again (the question leaves with the live state)', async () => {
    const states: AnswerState[] = [];
    const sent: string[] = [];
    await sendAnswer(
      (calendarId, answer) => {
        sent.push(`${calendarId} ${answer}`);
        expect(canAnswer(states.at(-1) ?? ASKING)).toBe(false);
        return Promise.resolve(true);
      },
      'work' as CalendarId,
      'put-back',
      (next) => states.push(next),
    );
    expect(sent).toEqual(['work put-back']);
    expect(states).toEqual([{ phase: 'sending', answer: 'put-back' }, ASKING]);
    expect(canAnswer(ASKING)).toBe(true);
  });

  it('keeps a failure as data with its kind, and lets the user answer again', async () => {
    const states: AnswerState[] = [];
    await sendAnswer(
      () => Promise.reject(new AppError({ kind: 'storage-unavailable', message: 'no db', retryable: false })),
      'work' as CalendarId,
      'empty-here',
      (next) => states.push(next),
    );
    const last = states.at(-1);
    expect(last).toMatchObject({
      phase: 'failed',
      answer: 'empty-here',
      error: { kind: 'storage-unavailable' },
    });
    expect(last && canAnswer(last)).toBe(true);
  });
});

describe('the words of the question', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

  it('says the same things in English and French, with the same placeholders', () => {
    const keys = Object.keys(syncMessages.en).filter(
      (key) => key.startsWith('empty') || key.includes('putBack'),
    );
    expect(keys.length).toBeGreaterThanOrEqual(8);
    // A plural's texts together (its `one` may say "the one event" instead of {count}).
    const texts = (message: Message): string =>
      typeof message === 'string' ? message : `${message.one} ${message.other}`;
    for (const key of Object.keys(syncMessages.en) as (keyof typeof syncMessages.en)[]) {
      expect(texts(syncMessages.fr[key]).trim(), key).not.toBe('');
      expect([...new Set(placeholders(texts(syncMessages.fr[key])))], key).toEqual([
        ...new Set(placeholders(texts(syncMessages.en[key]))),
      ]);
    }
    expect(syncMessages.en.emptyHere).toBe('Empty it here too');
    expect(syncMessages.en.putBack).toBe('Put my events back on the server');
  });
});
