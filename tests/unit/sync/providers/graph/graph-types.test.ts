/** The validators at the Graph edge (docs/sync-rules.md rule 42): what they read, and the typed error
 *  naming the wrong property of a malformed event. */
import { describe, expect, it } from 'vitest';
import {
  GraphShapeError,
  readGraphCalendar,
  readGraphDeltaPage,
  readGraphDeltaRow,
  readGraphEvent,
} from '../../../../../workers/sync/providers/graph/graph-types';
import { graphFixture } from './fixtures';

function shapeError(json: unknown): GraphShapeError {
  try {
    readGraphEvent(json);
  } catch (error) {
    if (error instanceof GraphShapeError) return error;
    throw error;
  }
  throw new Error('readGraphEvent accepted a malformed event');
}

describe('readGraphEvent', () => {
  it('reads a full event with every property we map', () => {
    const event = readGraphEvent(graphFixture('single-teams-meeting-html-body'));
    expect(event.type).toBe('singleInstance');
    expect(event.originalStartTimeZone).toBe('Pacific Standard Time');
    expect(event.attendees?.map((attendee) => [attendee.type, attendee.status.response])).toEqual([
      ['required', 'accepted'],
      ['optional', 'tentativelyAccepted'],
      ['resource', 'none'],
    ]);
    expect(event.locations?.[1]).toEqual({
      displayName: 'Conf Room 3; Fourth Coffee',
      locationType: 'conferenceRoom',
      locationUri: 'room3@contoso.com',
      locationEmailAddress: 'room3@contoso.com',
      uniqueId: 'room3@contoso.com',
      uniqueIdType: 'directory',
    });
    expect(event.onlineMeeting?.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    expect(event.recurrence).toBeNull();
  });

  it('reads the trimmed row delta gives for an occurrence', () => {
    const page = readGraphDeltaPage(graphFixture('delta-page-with-removed'));
    const rows = page.value.map(readGraphDeltaRow);
    expect(rows.map((row) => row.kind)).toEqual(['event', 'removed', 'removed']);
    const [first, , left] = rows;
    expect(first?.kind === 'event' && first.event.seriesMasterId).toBe('AAMkADNVxMaster=');
    expect(left?.kind === 'removed' && left.removed['@removed'].reason).toBe('changed');
    expect(page['@odata.deltaLink']).toContain('$deltatoken=');
  });

  it('accepts enum values in any case, as older answers capitalise them', () => {
    const event = readGraphEvent({
      id: 'x',
      type: 'SingleInstance',
      start: { dateTime: '2025-01-01T09:00:00', timeZone: 'UTC' },
      end: { dateTime: '2025-01-01T10:00:00', timeZone: 'UTC' },
      body: { contentType: 'Text', content: 'hi' },
      showAs: 'Busy',
    });
    expect([event.type, event.body?.contentType, event.showAs]).toEqual(['singleInstance', 'text', 'busy']);
  });

  it('names the missing start', () => {
    const error = shapeError(graphFixture('malformed-missing-start'));
    expect([error.property, error.eventId]).toEqual(['start', 'AAMkMissingStart=']);
    expect(error.message).toBe('Graph event AAMkMissingStart=: start is missing');
  });

  it('names a time zone nobody knows', () => {
    const error = shapeError(graphFixture('malformed-bad-time-zone'));
    expect(error.property).toBe('start.timeZone');
    expect(error.message).toContain('"Atlantis Standard Time"');
  });

  it('names an unknown recurrence pattern type', () => {
    const error = shapeError(graphFixture('malformed-unknown-pattern-type'));
    expect(error.property).toBe('recurrence.pattern.type');
    expect(error.message).toContain('"lunar", not one of daily, weekly');
  });

  it('names the wrong entry of a list and refuses what is not an object', () => {
    const base = graphFixture('single-teams-meeting-html-body') as Record<string, unknown>;
    expect(shapeError({ ...base, attendees: [{ type: 'required' }] }).property).toBe(
      'attendees[0].emailAddress',
    );
    expect(shapeError({ ...base, categories: ['ok', 3] }).property).toBe('categories[1]');
    expect(shapeError({ ...base, reminderMinutesBeforeStart: '15' }).property).toBe(
      'reminderMinutesBeforeStart',
    );
    expect(shapeError([]).property).toBe('event');
    expect(shapeError({ start: base['start'] }).property).toBe('id');
  });
});

describe('readGraphCalendar', () => {
  it('reads colour, hexColor, canEdit, default and owner', () => {
    expect(
      readGraphCalendar({
        id: 'AAMkCal=',
        name: 'Team',
        color: 'lightGreen',
        hexColor: '#87d28e',
        isDefaultCalendar: false,
        changeKey: 'nfZyf7VcrEKLNoU37KWlkQAAA0x0+w==',
        canEdit: false,
        owner: { name: 'Megan Bowen', address: 'MeganB@contoso.com' },
      }),
    ).toEqual({
      id: 'AAMkCal=',
      name: 'Team',
      color: 'lightGreen',
      hexColor: '#87d28e',
      isDefaultCalendar: false,
      canEdit: false,
      changeKey: 'nfZyf7VcrEKLNoU37KWlkQAAA0x0+w==',
      owner: { name: 'Megan Bowen', address: 'MeganB@contoso.com' },
    });
  });
});
