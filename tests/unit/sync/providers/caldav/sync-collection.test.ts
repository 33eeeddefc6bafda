/** The sync-collection report against scripted server answers: docs/sync-rules.md rules 11, 12, 27, 29, 30. */
import { describe, expect, it } from 'vitest';
import { syncCollection } from '../../../../../workers/sync/providers/caldav/sync-collection';
import { createTransport } from '../../../../../workers/sync/providers/caldav/transport';
import { readMultistatus, propText } from '../../../../../workers/sync/providers/caldav/multistatus';

const URL_ = 'https://dav.example.com/cal/work/';

function scripted(answers: readonly { status: number; body: string }[]) {
  const bodies: string[] = [];
  let index = 0;
  const fetchStub = (_input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    bodies.push(typeof init?.body === 'string' ? init.body : '');
    const answer = answers[Math.min(index, answers.length - 1)];
    index += 1;
    return Promise.resolve(
      new Response(answer?.body ?? '', {
        status: answer?.status ?? 500,
        headers: { 'Content-Type': 'application/xml' },
      }),
    );
  };
  const transport = createTransport({
    fetch: fetchStub,
    now: () => 0,
    username: 'u',
    password: 'p',
  });
  return { transport, bodies };
}

const response = (href: string, inner: string) => `<d:response><d:href>${href}</d:href>${inner}</d:response>`;
const ok = (etag: string) =>
  `<d:propstat><d:prop><d:getetag>${etag}</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>`;
const multistatus = (token: string | null, ...responses: string[]) =>
  `<?xml version="1.0"?><d:multistatus xmlns:d="DAV:">${responses.join('')}${token === null ? '' : `<d:sync-token>${token}</d:sync-token>`}</d:multistatus>`;

describe('sync-collection', () => {
  it('rule 12: a 507 on the collection itself means truncated: the report is repeated until complete', async () => {
    const { transport, bodies } = scripted([
      {
        status: 207,
        body: multistatus(
          't2',
          response('/cal/work/a.ics', ok('"1"')),
          response('/cal/work/', '<d:status>HTTP/1.1 507 Insufficient Storage</d:status>'),
        ),
      },
      {
        status: 207,
        body: multistatus(
          't3',
          response('/cal/work/b.ics', ok('"2"')),
          response('/cal/work/a.ics', '<d:status>HTTP/1.1 404 Not Found</d:status>'),
        ),
      },
    ]);
    const delta = await syncCollection(transport, URL_, 't1');
    expect(delta).toMatchObject({ kind: 'delta', token: 't3', pages: 2 });
    if (delta.kind !== 'delta') return;
    expect([...delta.changed]).toEqual([['https://dav.example.com/cal/work/b.ics', '"2"']]);
    expect([...delta.removed]).toEqual(['https://dav.example.com/cal/work/a.ics']);
    expect(bodies[0]).toContain('<d:sync-token>t1</d:sync-token>');
    expect(bodies[1]).toContain('<d:sync-token>t2</d:sync-token>');
  });

  it('rule 12: a 404 inside a propstat is a missing property, not a deleted member', async () => {
    const missingEtag = `<d:propstat><d:prop><d:getetag/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>`;
    const { transport } = scripted([
      { status: 207, body: multistatus('t2', response('/cal/work/a.ics', missingEtag)) },
    ]);
    const delta = await syncCollection(transport, URL_, 't1');
    if (delta.kind !== 'delta') throw new Error('expected a delta');
    expect([...delta.changed]).toEqual([['https://dav.example.com/cal/work/a.ics', null]]);
    expect(delta.removed.size).toBe(0);
  });

  it('rule 12: a sync answer without a token is an error', async () => {
    const { transport } = scripted([
      { status: 207, body: multistatus(null, response('/cal/work/a.ics', ok('"1"'))) },
    ]);
    await expect(syncCollection(transport, URL_, 't1')).rejects.toMatchObject({ kind: 'server' });
  });

  it.each([400, 403, 409, 415, 418, 500])(
    'rules 11, 27: status %i for a stored token is an invalid token, not "no changes"',
    async (status) => {
      const { transport } = scripted([
        { status, body: '<d:error xmlns:d="DAV:"><d:valid-sync-token/></d:error>' },
      ]);
      expect(await syncCollection(transport, URL_, 'stale')).toEqual({ kind: 'invalid-token', status });
    },
  );

  it('rule 29: members are kept whatever their name; only a sub-collection is skipped', async () => {
    const collection = `<d:propstat><d:prop><d:getetag>"c"</d:getetag><d:resourcetype><d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>`;
    const { transport } = scripted([
      {
        status: 207,
        body: multistatus(
          't2',
          response('/cal/work/3f2a9c', ok('"1"')),
          response('/cal/work/meeting.ical', ok('"2"')),
          response('/cal/work/nested/', collection),
        ),
      },
    ]);
    const delta = await syncCollection(transport, URL_, 't1');
    if (delta.kind !== 'delta') throw new Error('expected a delta');
    expect([...delta.changed]).toEqual([
      ['https://dav.example.com/cal/work/3f2a9c', '"1"'],
      ['https://dav.example.com/cal/work/meeting.ical', '"2"'],
    ]);
  });

  it('rule 30: tokens and etags stay text (no number coercion), namespaces are resolved', () => {
    const parsed = readMultistatus(
      `<multistatus xmlns="DAV:" xmlns:x="DAV:"><response><href>/a</href><x:propstat><prop><getetag>00123</getetag></prop><status>HTTP/1.1 200 OK</status></x:propstat></response><sync-token>0012345678901234567890</sync-token></multistatus>`,
    );
    expect(parsed.syncToken).toBe('0012345678901234567890');
    const [first] = parsed.responses;
    expect(first && propText(first, 'DAV:', 'getetag')).toBe('00123');
  });
});
