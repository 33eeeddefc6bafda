// The Graph test server's mailbox endpoints (/me, /me/calendars), its bearer-token checks, CORS
// and error shape, over real HTTP. Each test names the Microsoft page it follows (README.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraphServer, type GraphServer } from '../../../servers/graph/index';
import { call, callJson, rows, str } from './graph-http';

let server: GraphServer;
let clock = Date.UTC(2025, 0, 15, 12);

beforeAll(async () => {
  server = await startGraphServer({
    now: () => clock,
    user: { displayName: 'Megan Bowen', mail: 'MeganB@contoso.com' },
  });
  server.seed.calendar({ name: 'Team', color: 'lightGreen', hexColor: '#a8e5a8' });
  server.seed.calendar({
    name: 'Shared with me',
    canEdit: false,
    owner: { name: 'Alex Wilber', address: 'AlexW@contoso.com' },
  });
});

afterAll(async () => {
  await server.stop();
});

describe('GET /me ("Get user")', () => {
  it('answers the signed-in user with id, displayName, mail, userPrincipalName', async () => {
    const { status, json } = await callJson(server, '/me');
    expect(status).toBe(200);
    expect(json).toMatchObject({
      displayName: 'Megan Bowen',
      mail: 'MeganB@contoso.com',
      userPrincipalName: 'MeganB@contoso.com',
    });
    expect(typeof json['id']).toBe('string');
  });
});

describe('GET /me/calendars ("List calendars", "calendar resource type")', () => {
  it('lists calendars with the documented properties', async () => {
    const { json } = await callJson(server, '/me/calendars');
    const calendars = rows(json);
    expect(calendars.map((c) => c['name'])).toEqual(['Calendar', 'Team', 'Shared with me']);
    expect(Object.keys(calendars[0] ?? {}).sort()).toEqual(
      [
        'allowedOnlineMeetingProviders',
        'canEdit',
        'canShare',
        'canViewPrivateItems',
        'changeKey',
        'color',
        'defaultOnlineMeetingProvider',
        'hexColor',
        'id',
        'isDefaultCalendar',
        'isRemovable',
        'isTallyingResponses',
        'name',
        'owner',
      ].sort(),
    );
    expect(calendars[0]).toMatchObject({
      isDefaultCalendar: true,
      color: 'auto',
      hexColor: '',
      canEdit: true,
    });
    expect(calendars[1]).toMatchObject({
      color: 'lightGreen',
      hexColor: '#a8e5a8',
      isDefaultCalendar: false,
    });
    expect(calendars[2]).toMatchObject({
      canEdit: false,
      canShare: false,
      owner: { name: 'Alex Wilber', address: 'AlexW@contoso.com' },
    });
  });

  it('pages with $top and an @odata.nextLink carrying $skip', async () => {
    const first = await callJson(server, '/me/calendars?$top=2');
    expect(rows(first.json)).toHaveLength(2);
    const next = str(first.json['@odata.nextLink']);
    expect(next).toContain('$skip=2');
    const second = await callJson(server, next);
    expect(rows(second.json).map((c) => c['name'])).toEqual(['Shared with me']);
    expect(second.json['@odata.nextLink']).toBeUndefined();
  });

  it('honours Prefer: odata.maxpagesize like $top', async () => {
    const { json } = await callJson(server, '/me/calendars', { prefer: 'odata.maxpagesize=1' });
    expect(rows(json)).toHaveLength(1);
    expect(str(json['@odata.nextLink'])).toContain('$skip=1');
  });
});

describe('bearer tokens (401 InvalidAuthenticationToken)', () => {
  it('refuses a request without a token, with Graph error JSON', async () => {
    const { status, json, response } = await callJson(server, '/me', { token: null });
    expect(status).toBe(401);
    expect(json).toEqual({
      error: {
        code: 'InvalidAuthenticationToken',
        message: 'Access token is empty.',
        innerError: {
          date: expect.any(String) as string,
          'request-id': expect.any(String) as string,
          'client-request-id': expect.any(String) as string,
        },
      },
    });
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });

  it('refuses an unknown token', async () => {
    const { status, json } = await callJson(server, '/me', { token: 'not-a-token' });
    expect(status).toBe(401);
    expect(json['error']).toMatchObject({
      code: 'InvalidAuthenticationToken',
      message: 'Access token validation failure.',
    });
  });

  it('refuses a token the test expired, and one past its lifetime', async () => {
    const expired = server.auth.issue();
    expect((await call(server, '/me', { token: expired })).status).toBe(200);
    server.auth.expire(expired);
    const refused = await callJson(server, '/me', { token: expired });
    expect(refused.status).toBe(401);
    expect(refused.json['error']).toMatchObject({ message: 'Access token has expired or is not yet valid.' });

    const shortLived = server.auth.issue('short-lived', { expiresInMs: 60_000 });
    expect((await call(server, '/me', { token: shortLived })).status).toBe(200);
    clock += 60_000;
    expect((await call(server, '/me', { token: shortLived })).status).toBe(401);
  });

  it('accepts tokens a verifyToken option vouches for (the JWT seam)', async () => {
    const jwtServer = await startGraphServer({
      verifyToken: (token) => Promise.resolve(token.startsWith('eyJ')),
    });
    try {
      expect((await call(jwtServer, '/me', { token: 'eyJhbGciOi.payload.sig' })).status).toBe(200);
      expect((await call(jwtServer, '/me', { token: 'opaque' })).status).toBe(401);
      jwtServer.auth.expire('eyJhbGciOi.payload.sig');
      expect((await call(jwtServer, '/me', { token: 'eyJhbGciOi.payload.sig' })).status).toBe(401);
    } finally {
      await jwtServer.stop();
    }
  });
});

describe('CORS like Graph', () => {
  it('answers a preflight without a token', async () => {
    const response = await fetch(`${server.baseUrl}/me/events/x`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://127.0.0.1:4173',
        'Access-Control-Request-Method': 'PATCH',
        'Access-Control-Request-Headers': 'authorization,content-type,if-match,prefer',
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'authorization,content-type,if-match,prefer',
    );
  });

  it('sends Allow-Origin and Graph’s exposed headers (no Retry-After) on answers, errors included', async () => {
    for (const token of [server.token, null]) {
      const response = await call(server, '/me', { token, headers: { Origin: 'http://127.0.0.1:4173' } });
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-expose-headers')).toBe(
        'ETag, Location, Preference-Applied, Content-Range, request-id, client-request-id',
      );
    }
  });
});

describe('requests, errors and preferences', () => {
  it('echoes client-request-id and sends a request-id', async () => {
    const response = await call(server, '/me', { headers: { 'client-request-id': 'abc-123' } });
    expect(response.headers.get('client-request-id')).toBe('abc-123');
    expect(response.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown segment 400 and another version 404', async () => {
    const unknown = await callJson(server, '/me/nothing');
    expect(unknown.status).toBe(400);
    expect(unknown.json['error']).toMatchObject({
      code: 'BadRequest',
      message: "Resource not found for the segment 'nothing'.",
    });
    const beta = await fetch(`${server.url}/beta/me`, {
      headers: { Authorization: `Bearer ${server.token}` },
    });
    expect(beta.status).toBe(404);
  });

  it('accepts Prefer: IdType="ImmutableId", applies it, and counts requests sent without it', async () => {
    server.resetStats();
    const response = await call(server, '/me/calendars');
    expect(response.headers.get('preference-applied')).toContain('IdType="ImmutableId"');
    await call(server, '/me', { prefer: '' });
    expect(server.stats()).toMatchObject({
      requests: 2,
      withoutImmutableId: 1,
      byKind: { calendars: 1, me: 1 },
    });
  });
});
