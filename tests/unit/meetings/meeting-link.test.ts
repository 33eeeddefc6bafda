/**
 * meetingLink (src/core/meetings): the "Join" link of an event or occurrence, one fixture per way a
 * provider writes it: Graph's Teams meeting as graph-to-ical.ts stores it, Zoom in LOCATION, Google
 * Meet's X-GOOGLE-CONFERENCE, Jitsi as RFC 7986 CONFERENCE beside a phone one, Webex and Teams links in
 * an invitation's DESCRIPTION; what is not a meeting (or not http(s)) gives none.
 */
import { describe, expect, it } from 'vitest';
import { loadEventForEditing } from '../../../src/core/agenda/commands';
import { putEvent } from '../../../src/core/events/event-store';
import { meetingLink } from '../../../src/core/meetings/meeting-link';
import { singleToIcal } from '../../../workers/sync/providers/graph/graph-to-ical';
import { readGraphEvent } from '../../../workers/sync/providers/graph/graph-types';
import { freshDb, localCalendar, testContext } from '../data/helpers';
import { fixture } from '../ical/fixture';
import { graphFixture } from '../sync/providers/graph/fixtures';

const TEAMS_JOIN_URL =
  'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzIyNzhlMGEtM2YyZC00ZmY0LTlhNzUtZmZjNjFjZWI2YjIz%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf%22%7d';

describe('meetingLink', () => {
  it("Microsoft 365: Graph's onlineMeeting.joinUrl, kept as CONFERENCE by graph-to-ical", () => {
    const ics = singleToIcal(readGraphEvent(graphFixture('single-teams-meeting-html-body')));
    expect(ics).toContain('CONFERENCE');
    expect(meetingLink({ ics })).toEqual({ url: TEAMS_JOIN_URL, provider: 'teams' });
  });

  it('Zoom: the link given as the location', () => {
    expect(meetingLink({ ics: fixture('meeting-zoom-link-in-location.ics') })).toEqual({
      url: 'https://us02web.zoom.us/j/81234567890?pwd=QWxtYW5hYw',
      provider: 'zoom',
    });
  });

  it("Google Meet: Google Calendar's X-GOOGLE-CONFERENCE", () => {
    expect(meetingLink({ ics: fixture('meeting-google-meet-x-google-conference.ics') })).toEqual({
      url: 'https://meet.google.com/abc-defg-hij',
      provider: 'meet',
    });
  });

  it('Jitsi: the video CONFERENCE, not the phone one before it', () => {
    expect(meetingLink({ ics: fixture('meeting-jitsi-conference-phone-and-video.ics') })).toEqual({
      url: 'https://meet.jit.si/AlmanacCommunityCall',
      provider: 'jitsi',
    });
  });

  it("Webex: the meeting link in the description, not the agenda's link before it, without the sentence's punctuation", () => {
    expect(meetingLink({ ics: fixture('meeting-webex-link-in-description.ics') })).toEqual({
      url: 'https://acme.webex.com/acme/j.php?MTID=m0123456789abcdef',
      provider: 'webex',
    });
  });

  it('Teams: the link in an Outlook invitation received over CalDAV (no CONFERENCE)', () => {
    expect(meetingLink({ ics: fixture('meeting-teams-link-in-outlook-invite.ics') })).toEqual({
      url: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_ZmY0%40thread.v2/0?context=%7b%22Tid%22%3a%2272f9%22%7d',
      provider: 'teams',
    });
  });

  it('none for a javascript: conference, a service home page, another host or a look-alike host', () => {
    expect(meetingLink({ ics: fixture('meeting-links-that-are-not-meetings.ics') })).toBeNull();
  });

  it('a CONFERENCE on any http(s) host is a meeting link (provider "other")', () => {
    const ics = fixture('meeting-links-that-are-not-meetings.ics').replace(
      'javascript:alert(1)',
      'https://video.example.org/room/42',
    );
    expect(meetingLink({ ics })).toEqual({ url: 'https://video.example.org/room/42', provider: 'other' });
  });

  it("an occurrence with its own override uses the override's link, or has none when the override has none", () => {
    const ics = fixture('meeting-series-override-with-own-link.ics');
    expect(meetingLink({ ics })).toEqual({ url: 'https://meet.google.com/aaa-bbbb-ccc', provider: 'meet' });
    expect(meetingLink({ ics }, '20260302T090000Z')).toEqual({
      url: 'https://meet.google.com/aaa-bbbb-ccc',
      provider: 'meet',
    });
    expect(meetingLink({ ics }, '20260309T090000Z')).toEqual({
      url: 'https://zoom.us/j/5550001111',
      provider: 'zoom',
    });
    expect(meetingLink({ ics }, '20260316T090000Z')).toBeNull();
  });

  it('an event with no link has none', () => {
    expect(meetingLink({ ics: fixture('floating-time.ics') })).toBeNull();
  });
});

describe('the event editor offers "Join" for the occurrence it opens', () => {
  it('loadEventForEditing gives the occurrence its own link, or none', async () => {
    const db = freshDb();
    const ctx = testContext('2026-03-01T08:00:00Z');
    const calendarId = await localCalendar(db, ctx);
    const eventId = await putEvent(
      db,
      { calendarId, ics: fixture('meeting-series-override-with-own-link.ics') },
      ctx,
    );
    const load = (recurrenceId: string) => loadEventForEditing(db, { eventId, recurrenceId }, ctx);
    expect((await load('20260302T090000Z')).meeting).toEqual({
      url: 'https://meet.google.com/aaa-bbbb-ccc',
      provider: 'meet',
    });
    expect((await load('20260309T090000Z')).meeting?.provider).toBe('zoom');
    expect((await load('20260316T090000Z')).meeting).toBeNull();
    db.close();
  });
});
