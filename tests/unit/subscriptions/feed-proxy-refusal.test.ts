// A feed the CORS proxy refuses: the error carries the refusal (host, port, the entry to add), so the
// subscribe screen names the setting to change; its message is the proxy's words for the stored error.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/errors';
import { fetchFeed } from '../../../src/core/subscriptions/fetch-feed';

const refused =
  (body: object, kind: string, status = 403): typeof fetch =>
  () =>
    Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Proxy-Error': kind },
      }),
    );

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the feed to fail');
}

describe('feeds the proxy refuses', () => {
  it('a private address: host-not-allowed with the refusal', async () => {
    const body = {
      error: 'private-address-not-allowed',
      reason:
        '192.168.1.20 is a private address: the proxy reaches it only with ALMANAC_PROXY_ALLOW_PRIVATE=1.',
      host: '192.168.1.20',
      port: 8080,
      entry: '192.168.1.20:8080',
      address: '192.168.1.20',
    };
    const error = await failure(fetchFeed(refused(body, body.error), 'http://192.168.1.20:8080/feed.ics'));
    expect(error).toMatchObject({
      kind: 'host-not-allowed',
      message: body.reason,
      retryable: false,
      proxyRefusal: { kind: 'private-address-not-allowed', entry: '192.168.1.20:8080', port: 8080 },
    });
  });

  it('a name that does not resolve: server-not-found, retryable, with the refusal', async () => {
    const body = {
      error: 'dns-failed',
      reason: 'The name x.example could not be resolved.',
      host: 'x.example',
      port: 443,
    };
    const error = await failure(fetchFeed(refused(body, body.error, 502), 'https://x.example/feed.ics'));
    expect(error).toMatchObject({
      kind: 'server-not-found',
      retryable: true,
      proxyRefusal: { kind: 'dns-failed' },
    });
  });

  it('a server’s own 403 is the server’s', async () => {
    const server: typeof fetch = () => Promise.resolve(new Response('no', { status: 403 }));
    const error = await failure(fetchFeed(server, 'https://x.example/feed.ics'));
    expect(error.kind).toBe('auth');
    expect(error.proxyRefusal).toBeUndefined();
  });
});
