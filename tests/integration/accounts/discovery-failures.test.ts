// Each failure kind of discovery against small local HTTP servers that answer like the real thing.
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/errors';
import { discoverCalDav } from '../../../workers/sync/providers/caldav/discovery';
import { startFakeHttpServer, type FakeHttpServer, type ScriptedReply } from './fake-http-server';

const LOGIN = { username: 'ann@example.com', password: 'secret-password-123' };
const XML = { 'Content-Type': 'application/xml; charset=utf-8', DAV: '1, 2, calendar-access' };

let running: FakeHttpServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function serve(reply: (method: string, path: string) => ScriptedReply): Promise<FakeHttpServer> {
  running = await startFakeHttpServer((request) => reply(request.method ?? 'GET', request.url ?? '/'));
  return running;
}

async function kindOf(serverUrl: string, fetchImpl: typeof fetch = fetch): Promise<AppError> {
  try {
    await discoverCalDav({ serverUrl, ...LOGIN }, { fetch: fetchImpl });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // Nothing secret in what the user (or a log) may read.
    expect(JSON.stringify(error.toData())).not.toContain(LOGIN.password);
    return error;
  }
  throw new Error('expected discovery to fail');
}

/** Sends requests for `from`'s origin to `to` instead: a provider preset's host, served locally. */
function rerouting(from: string, to: string): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    return fetch(url.replace(new URL(from).origin, new URL(to).origin), init);
  };
}

describe('discoverCalDav tells failures apart', () => {
  it('401 → auth ("wrong username or password")', async () => {
    const server = await serve(() => ({ status: 401, headers: { 'WWW-Authenticate': 'Basic realm="dav"' } }));
    const error = await kindOf(server.url);
    expect(error.kind).toBe('auth');
    expect(error.message).toMatch(/wrong username or password/i);
  });

  it('401 whose challenge asks for an app-specific password → app-password-needed', async () => {
    const server = await serve(() => ({
      status: 401,
      headers: { 'WWW-Authenticate': 'Basic realm="Use an app-specific password"' },
    }));
    expect((await kindOf(server.url)).kind).toBe('app-password-needed');
  });

  it('403 whose body says an app password is needed (Fastmail-style) → app-password-needed', async () => {
    const server = await serve(() => ({
      status: 403,
      headers: { 'Content-Type': 'text/plain' },
      body: 'You need to use an app password to access this service.',
    }));
    expect((await kindOf(server.url)).kind).toBe('app-password-needed');
  });

  it('a plain 403 → auth', async () => {
    const server = await serve(() => ({ status: 403, body: 'Forbidden' }));
    expect((await kindOf(server.url)).kind).toBe('auth');
  });

  it('401 from a preset that always needs app passwords (iCloud) → app-password-needed', async () => {
    const server = await serve(() => ({ status: 401 }));
    const error = await kindOf(
      'https://caldav.icloud.com/',
      rerouting('https://caldav.icloud.com/', server.url),
    );
    expect(error.kind).toBe('app-password-needed');
    expect(server.requests.length).toBeGreaterThan(0);
  });

  it('a name that does not resolve → server-not-found', async () => {
    const error = await kindOf('https://no-such-host.invalid/');
    expect(error.kind).toBe('server-not-found');
    expect(error.detail).toBe('no-such-host.invalid');
  });

  it('a refused connection → server-not-found', async () => {
    const server = await serve(() => ({ status: 200 }));
    const closedUrl = server.url;
    await server.close();
    running = undefined;
    expect((await kindOf(closedUrl)).kind).toBe('server-not-found');
  });

  it('a web page (200 HTML, no DAV header) → not-caldav', async () => {
    const server = await serve(() => ({
      status: 200,
      headers: { 'Content-Type': 'text/html' },
      body: '<!doctype html><title>Welcome</title>',
    }));
    const error = await kindOf(server.url);
    expect(error.kind).toBe('not-caldav');
    expect(error.detail).toContain('principal');
  });

  it('a server that answers 405 to PROPFIND → not-caldav', async () => {
    const server = await serve(() => ({ status: 405, body: 'Method Not Allowed' }));
    expect((await kindOf(server.url)).kind).toBe('not-caldav');
  });

  it('a WebDAV principal without calendar-home-set → not-caldav', async () => {
    const server = await serve((method, path) => {
      if (method !== 'PROPFIND' || path.startsWith('/.well-known')) return { status: 404 };
      const prop =
        path === '/'
          ? '<d:current-user-principal><d:href>/principals/ann/</d:href></d:current-user-principal>'
          : '<d:displayname>Ann</d:displayname>';
      return {
        status: 207,
        headers: { ...XML, DAV: '1, 2' },
        body: `<?xml version="1.0"?><d:multistatus xmlns:d="DAV:"><d:response><d:href>${path}</d:href><d:propstat><d:prop>${prop}</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>`,
      };
    });
    const error = await kindOf(server.url);
    expect(error.kind).toBe('not-caldav');
    expect(error.detail).toContain('calendar home');
  });

  it("the proxy's refusal JSON (403 {error, reason}) → host-not-allowed, even without its header", async () => {
    const server = await serve(() => ({
      status: 403,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ error: 'address-not-allowed', reason: 'The address is private.' }),
    }));
    expect((await kindOf(server.url)).kind).toBe('host-not-allowed');
  });

  it("the proxy's dns-failed → server-not-found", async () => {
    const server = await serve(() => ({
      status: 502,
      headers: { 'Content-Type': 'application/json', 'X-Proxy-Error': 'dns-failed' },
      body: JSON.stringify({ error: 'dns-failed', reason: 'The name does not resolve.' }),
    }));
    expect((await kindOf(server.url)).kind).toBe('server-not-found');
  });

  it('a 503 → server, retryable', async () => {
    const server = await serve(() => ({ status: 503, body: 'down for maintenance' }));
    const error = await kindOf(server.url);
    expect(error.kind).toBe('server');
    expect(error.retryable).toBe(true);
  });

  it('rejects a URL with credentials in it before sending anything', async () => {
    const error = await kindOf('https://ann:pw@example.com/');
    expect(error.kind).toBe('invalid-input');
  });
});
