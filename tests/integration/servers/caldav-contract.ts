/**
 * The CalDAV contract every server the tests use must honour, as one suite run against each server
 * and each transport (plain fetch, and the real CORS proxy). It proves the helpers start real servers
 * and that the requests the sync engine depends on behave as the RFCs say.
 */
import { expect, it } from 'vitest';
import { createDavClient, type FetchLike } from '../../servers/dav-client';
import type { RunningServer } from '../../servers/running-server';

export interface ContractTarget {
  readonly kind: RunningServer['kind'];
  readonly server: () => RunningServer;
  /** How requests reach the server (identity for plain fetch, or through the proxy). */
  readonly fetch: FetchLike;
}

/** How each server answers sync-collection with a token it never issued. */
export const INVALID_TOKEN_STATUS: Readonly<Record<RunningServer['kind'], number>> = {
  radicale: 403,
  xandikos: 500,
};

let counter = 0;

function eventIcs(uid: string, summary: string): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Almanac//contract test//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20260101T000000Z',
    'DTSTART;TZID=Europe/Zurich:20260310T090000',
    'DTEND;TZID=Europe/Zurich:20260310T100000',
    `SUMMARY:${summary}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

export function defineCalDavContract(target: ContractTarget): void {
  const client = () => {
    const server = target.server();
    return { server, dav: createDavClient({ auth: server, fetch: target.fetch }) };
  };
  const freshCalendar = async () => {
    const { server, dav } = client();
    counter += 1;
    const url = server.calendarUrl(`contract-${counter}-${Date.now().toString(36)}`);
    const created = await dav.mkcalendar(url, 'Contract');
    expect(created.status).toBe(201);
    return { dav, url };
  };

  it('MKCALENDAR creates an empty collection with a sync token', async () => {
    const { dav, url } = await freshCalendar();
    expect(await dav.listObjects(url)).toEqual([]);
    expect(await dav.syncToken(url)).toMatch(/\S/);
  });

  it('PUT creates conditionally, answers an ETag, and refuses a second create (If-None-Match)', async () => {
    const { dav, url } = await freshCalendar();
    const created = await dav.put(`${url}a.ics`, eventIcs('uid-a', 'Café – 会議'), { 'If-None-Match': '*' });
    expect(created.status).toBe(201);
    const again = await dav.put(`${url}a.ics`, eventIcs('uid-a', 'again'), { 'If-None-Match': '*' });
    expect(again.status).toBe(412);
    const [object] = await dav.listObjects(url);
    expect(object?.ics).toContain('会議');
    expect(object?.etag).toMatch(/^"/);
  });

  it('PUT with a stale If-Match is refused with 412, a current one succeeds', async () => {
    const { dav, url } = await freshCalendar();
    await dav.put(`${url}b.ics`, eventIcs('uid-b', 'one'), { 'If-None-Match': '*' });
    const [before] = await dav.listObjects(url);
    const stale = await dav.put(`${url}b.ics`, eventIcs('uid-b', 'two'), { 'If-Match': '"not-the-etag"' });
    expect(stale.status).toBe(412);
    const ok = await dav.put(`${url}b.ics`, eventIcs('uid-b', 'two'), { 'If-Match': before?.etag ?? '' });
    expect([200, 201, 204]).toContain(ok.status);
    const [after] = await dav.listObjects(url);
    expect(after?.ics).toContain('SUMMARY:two');
    expect(after?.etag).not.toBe(before?.etag);
  });

  it('REPORT sync-collection lists changes since a token, then the deletion as a 404 member', async () => {
    const { dav, url } = await freshCalendar();
    const first = await dav.syncCollection(url, '');
    expect(first.status).toBe(207);
    const token = first.parsed?.syncToken ?? '';
    expect(token).not.toBe('');
    expect(first.parsed?.responses.filter((response) => response.status !== 404)).toEqual([]);

    await dav.put(`${url}c.ics`, eventIcs('uid-c', 'created'), { 'If-None-Match': '*' });
    const second = await dav.syncCollection(url, token);
    expect(second.status).toBe(207);
    const changed = second.parsed?.responses.find((response) => response.href.endsWith('/c.ics'));
    expect(changed?.props.get('getetag')).toMatch(/^"/);
    const token2 = second.parsed?.syncToken ?? '';
    expect(token2).not.toBe(token);

    const [object] = await dav.listObjects(url);
    const removed = await dav.delete(`${url}c.ics`, { 'If-Match': object?.etag ?? '' });
    expect([200, 204]).toContain(removed.status);
    const third = await dav.syncCollection(url, token2);
    const gone = third.parsed?.responses.find((response) => response.href.endsWith('/c.ics'));
    expect(gone?.status).toBe(404);
  });

  it('an unknown sync token is refused, never answered as "no changes"', async () => {
    const { dav, url } = await freshCalendar();
    const invalid = await dav.syncCollection(url, `${url}not-a-token`);
    // What each server really answers (docs/sync-rules.md rule 11 lists the variants seen in the field). Xandikos
    // 0.2.8 answers 500, so an engine must not treat a 500 on a token sync as "retry later" forever.
    expect(invalid.status).toBe(INVALID_TOKEN_STATUS[target.kind]);
    if (invalid.status === 403) expect(invalid.text).toContain('valid-sync-token');
  });

  it('DELETE with a stale If-Match is refused and leaves the object', async () => {
    const { dav, url } = await freshCalendar();
    await dav.put(`${url}d.ics`, eventIcs('uid-d', 'keep me'), { 'If-None-Match': '*' });
    const refused = await dav.delete(`${url}d.ics`, { 'If-Match': '"stale"' });
    expect(refused.status).toBe(412);
    expect(await dav.listObjects(url)).toHaveLength(1);
    const removed = await dav.delete(`${url}d.ics`);
    expect([200, 204]).toContain(removed.status);
    expect(await dav.listObjects(url)).toEqual([]);
  });
}
