// Events CRUD on the Graph test server ("Create event", "Get event", "Update event", "Delete
// event"): the full event shape, transactionId, etags and If-Match, time zones, bodies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraphServer, type GraphServer, type JsonObject } from '../../../servers/graph/index';
import { EVENT_PROPERTIES, LUNCH } from './event-bodies';
import { call, callJson, str } from './graph-http';

let server: GraphServer;
let clock = Date.UTC(2025, 2, 1, 8);

beforeAll(async () => {
  server = await startGraphServer({ now: () => clock });
});

afterAll(async () => {
  await server.stop();
});

async function create(body: JsonObject, path = '/me/events'): Promise<JsonObject> {
  const { status, json } = await callJson(server, path, { method: 'POST', body });
  expect(status).toBe(201);
  return json;
}

describe('POST /me/events and /me/calendars/{id}/events', () => {
  it('creates an event with every documented property, times in UTC', async () => {
    const event = await create(LUNCH);
    expect(Object.keys(event).sort()).toEqual([...EVENT_PROPERTIES].sort());
    expect(event).toMatchObject({
      type: 'singleInstance',
      seriesMasterId: null,
      recurrence: null,
      subject: "Let's go for lunch",
      bodyPreview: 'Does late morning work for you?',
      start: { dateTime: '2025-04-15T19:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2025-04-15T21:00:00.0000000', timeZone: 'UTC' },
      originalStartTimeZone: 'Pacific Standard Time',
      location: { displayName: "Harry's Bar", locationType: 'default' },
      locations: [{ displayName: "Harry's Bar" }],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      onlineMeeting: { joinUrl: expect.stringMatching(/^https:\/\/teams\.microsoft\.com\//) as string },
      categories: ['Red category'],
      showAs: 'tentative',
      sensitivity: 'private',
      importance: 'high',
      reminderMinutesBeforeStart: 30,
      isReminderOn: true,
      isCancelled: false,
      isOrganizer: true,
      responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
      organizer: { emailAddress: { name: 'Adele Vance', address: 'AdeleV@contoso.com' } },
      createdDateTime: '2025-03-01T08:00:00.0000000Z',
    });
    expect(event['attendees']).toEqual([
      {
        type: 'required',
        status: { response: 'none', time: '0001-01-01T00:00:00Z' },
        emailAddress: { name: 'Samantha Booth', address: 'samanthab@contoso.com' },
      },
      {
        type: 'optional',
        status: { response: 'accepted', time: '2025-03-01T09:00:00Z' },
        emailAddress: { name: 'Alex Wilber', address: 'alexw@contoso.com' },
      },
    ]);
    expect(str(event['@odata.etag'])).toBe(`W/"${str(event['changeKey'])}"`);
    expect(str(event['iCalUId'])).toMatch(
      /^040000008200E00074C5B7101A82E00800000000[0-9A-F]{16}0{16}10000000[0-9A-F]{32}$/,
    );
    expect(str((event['body'] as JsonObject)['content'])).toContain('<body>');
  });

  it('creates in a given calendar, and refuses a read-only one with 403', async () => {
    const team = server.seed.calendar({ name: 'Team' });
    await create({ ...LUNCH, subject: 'In Team' }, `/me/calendars/${team.id}/events`);
    expect(server.inspect.events(team.id).map((e) => e['subject'])).toEqual(['In Team']);
    const shared = server.seed.calendar({ name: 'Shared', canEdit: false });
    const refused = await callJson(server, `/me/calendars/${shared.id}/events`, {
      method: 'POST',
      body: LUNCH,
    });
    expect(refused.status).toBe(403);
    expect(refused.json['error']).toMatchObject({ code: 'ErrorAccessDenied' });
  });

  it('returns the first event for a second POST with the same transactionId (no duplicate)', async () => {
    const body = { ...LUNCH, subject: 'Retried create', transactionId: 'tx-7d9f' };
    const first = await create(body);
    const second = await create(body);
    expect(second['id']).toBe(first['id']);
    expect(second['transactionId']).toBe('tx-7d9f');
    expect(server.inspect.events().filter((e) => e['subject'] === 'Retried create')).toHaveLength(1);
  });

  it('refuses what Graph refuses: unknown zone, all-day not at midnight, bad JSON, wrong types', async () => {
    const zone = await callJson(server, '/me/events', {
      method: 'POST',
      body: { ...LUNCH, start: { dateTime: '2025-04-15T12:00:00', timeZone: 'Mars/Olympus' } },
    });
    expect(zone.json['error']).toMatchObject({ code: 'TimeZoneNotSupportedException' });
    const allDay = await callJson(server, '/me/events', {
      method: 'POST',
      body: { ...LUNCH, isAllDay: true },
    });
    expect(allDay.status).toBe(400);
    const types = await callJson(server, '/me/events', { method: 'POST', body: { ...LUNCH, subject: 42 } });
    expect(types.json['error']).toMatchObject({ code: 'RequestBodyRead' });
    const broken = await fetch(`${server.baseUrl}/me/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      body: '{"subject":',
    });
    expect(broken.status).toBe(400);
  });
});

describe('GET /me/events/{id}', () => {
  it('answers the event; 404 ErrorItemNotFound for an unknown id (ids are case-sensitive)', async () => {
    const event = await create({ ...LUNCH, subject: 'Fetch me' });
    const id = str(event['id']);
    const { json } = await callJson(server, `/me/events/${encodeURIComponent(id)}`);
    expect(json['subject']).toBe('Fetch me');
    const other = await callJson(server, `/me/events/${encodeURIComponent(id.toLowerCase())}`);
    expect(other.status).toBe(404);
    expect(other.json['error']).toMatchObject({ code: 'ErrorItemNotFound' });
  });

  it('gives times in the zone of Prefer: outlook.timezone, says so, and keeps all-day events as dates', async () => {
    const event = await create({ ...LUNCH, subject: 'Zoned' });
    const allDay = await create({
      subject: 'Holiday',
      isAllDay: true,
      start: { dateTime: '2025-04-18T00:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2025-04-19T00:00:00', timeZone: 'W. Europe Standard Time' },
    });
    const prefer = 'outlook.timezone="Tokyo Standard Time", IdType="ImmutableId"';
    const zoned = await callJson(server, `/me/events/${str(event['id'])}`, { prefer });
    expect(zoned.json['start']).toEqual({
      dateTime: '2025-04-16T04:00:00.0000000',
      timeZone: 'Tokyo Standard Time',
    });
    expect(zoned.response.headers.get('preference-applied')).toContain(
      'outlook.timezone="Tokyo Standard Time"',
    );
    const iana = await callJson(server, `/me/events/${str(event['id'])}`, {
      prefer: 'outlook.timezone="Europe/Paris"',
    });
    expect(iana.json['end']).toEqual({ dateTime: '2025-04-15T23:00:00.0000000', timeZone: 'Europe/Paris' });
    const day = await callJson(server, `/me/events/${str(allDay['id'])}`, { prefer });
    expect(day.json['start']).toEqual({
      dateTime: '2025-04-18T00:00:00.0000000',
      timeZone: 'Tokyo Standard Time',
    });
    expect((await callJson(server, `/me/events/${str(allDay['id'])}`)).json['end']).toEqual({
      dateTime: '2025-04-19T00:00:00.0000000',
      timeZone: 'UTC',
    });
  });

  it('gives the body as text with Prefer: outlook.body-content-type="text", and honours $select', async () => {
    const event = await create({
      ...LUNCH,
      body: { contentType: 'HTML', content: '<p>Bring <b>snacks</b> &amp; water</p>' },
    });
    const text = await callJson(server, `/me/events/${str(event['id'])}`, {
      prefer: 'outlook.body-content-type="text"',
    });
    expect(text.json['body']).toEqual({ contentType: 'text', content: 'Bring snacks & water' });
    const selected = await callJson(server, `/me/events/${str(event['id'])}?$select=subject,start`);
    expect(Object.keys(selected.json).sort()).toEqual([
      '@odata.context',
      '@odata.etag',
      'id',
      'start',
      'subject',
    ]);
  });
});

describe('PATCH and DELETE /me/events/{id} with If-Match', () => {
  it('updates only the given properties and bumps changeKey, etag and lastModifiedDateTime', async () => {
    const event = await create({ ...LUNCH, subject: 'Before' });
    clock += 60_000;
    const { status, json } = await callJson(server, `/me/events/${str(event['id'])}`, {
      method: 'PATCH',
      body: { subject: 'After' },
      headers: { 'If-Match': str(event['@odata.etag']) },
    });
    expect(status).toBe(200);
    expect(json).toMatchObject({
      subject: 'After',
      location: event['location'],
      start: event['start'],
      attendees: event['attendees'],
    });
    expect(json['changeKey']).not.toBe(event['changeKey']);
    expect(json['@odata.etag']).not.toBe(event['@odata.etag']);
    expect(json['lastModifiedDateTime']).toBe('2025-03-01T08:01:00.0000000Z');
    expect(json['createdDateTime']).toBe(event['createdDateTime']);
  });

  it('answers 412 ErrorIrresolvableConflict to a stale If-Match, on PATCH and DELETE', async () => {
    const event = await create({ ...LUNCH, subject: 'Contested' });
    const id = str(event['id']);
    expect(server.store.updateEvent(id, { subject: 'Changed elsewhere' }).ok).toBe(true);
    const patch = await callJson(server, `/me/events/${id}`, {
      method: 'PATCH',
      body: { subject: 'Mine' },
      headers: { 'If-Match': str(event['@odata.etag']) },
    });
    expect(patch.status).toBe(412);
    expect(patch.json['error']).toMatchObject({ code: 'ErrorIrresolvableConflict' });
    const del = await call(server, `/me/events/${id}`, {
      method: 'DELETE',
      headers: { 'If-Match': str(event['@odata.etag']) },
    });
    expect(del.status).toBe(412);
    expect(server.inspect.event(id)?.['subject']).toBe('Changed elsewhere');
  });

  it('deletes with the current etag (204), then the event is gone', async () => {
    const event = await create({ ...LUNCH, subject: 'Doomed' });
    const id = str(event['id']);
    const del = await call(server, `/me/events/${id}`, {
      method: 'DELETE',
      headers: { 'If-Match': str(event['@odata.etag']) },
    });
    expect(del.status).toBe(204);
    expect(await del.text()).toBe('');
    expect((await call(server, `/me/events/${id}`)).status).toBe(404);
  });

  it('refuses to change transactionId and to edit events of a read-only calendar', async () => {
    const event = await create({ ...LUNCH, transactionId: 'tx-fixed' });
    const changed = await callJson(server, `/me/events/${str(event['id'])}`, {
      method: 'PATCH',
      body: { transactionId: 'tx-other' },
    });
    expect(changed.status).toBe(400);
    const shared = server.seed.calendar({ name: 'Read only', canEdit: false });
    server.store.setCalendar(shared.id, { canEdit: true });
    const inShared = server.seed.event({ ...LUNCH, subject: 'Theirs' }, shared.id);
    server.store.setCalendar(shared.id, { canEdit: false });
    expect(
      (await call(server, `/me/events/${inShared.id}`, { method: 'PATCH', body: { subject: 'x' } })).status,
    ).toBe(403);
    expect((await call(server, `/me/events/${inShared.id}`, { method: 'DELETE' })).status).toBe(403);
  });
});
