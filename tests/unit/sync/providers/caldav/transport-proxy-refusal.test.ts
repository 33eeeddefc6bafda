// A sync request the CORS proxy refuses for its target becomes host-not-allowed with the refusal, so the
// sync status can name the setting to change; a server the proxy could not reach is a network failure,
// not the server's problem; a server's own 403 stays the server's.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../src/core/errors';
import { createTransport } from '../../../../../workers/sync/providers/caldav/transport';

const refusal = {
  error: 'port-not-allowed',
  reason:
    'Port 8443 of cloud.example.org is not allowed: add cloud.example.org:8443 to ALMANAC_PROXY_ALLOWED_HOSTS.',
  host: 'cloud.example.org',
  port: 8443,
  entry: 'cloud.example.org:8443',
};

function transportAnswering(response: () => Response) {
  return createTransport({
    fetch: () => Promise.resolve(response()),
    now: () => 0,
    username: 'ann',
    password: 'secret',
  });
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('proxy refusals in the sync transport', () => {
  it('carries the refusal with host, port and entry', async () => {
    const transport = transportAnswering(
      () =>
        new Response(JSON.stringify(refusal), {
          status: 403,
          headers: { 'Content-Type': 'application/json', 'X-Proxy-Error': 'port-not-allowed' },
        }),
    );
    const error = await failure(
      transport.request({ method: 'PROPFIND', url: 'https://cloud.example.org:8443/remote.php/dav/' }),
    );
    expect(error.toData()).toMatchObject({
      kind: 'host-not-allowed',
      message: refusal.reason,
      retryable: false,
      proxyRefusal: {
        kind: 'port-not-allowed',
        host: 'cloud.example.org',
        port: 8443,
        entry: 'cloud.example.org:8443',
      },
    });
  });

  it('an unreachable server (502 from the proxy) is a network failure with the refusal, retried like one', async () => {
    let sent = 0;
    const transport = createTransport({
      fetch: () => {
        sent += 1;
        return Promise.resolve(
          new Response(
            JSON.stringify({
              error: 'upstream-unreachable',
              reason: 'cloud.example.org did not answer.',
              host: 'cloud.example.org',
            }),
            {
              status: 502,
              headers: { 'Content-Type': 'application/json', 'X-Proxy-Error': 'upstream-unreachable' },
            },
          ),
        );
      },
      now: () => 0,
      username: 'ann',
      password: 'secret',
    });
    const error = await failure(
      transport.request({ method: 'PROPFIND', url: 'https://cloud.example.org/remote.php/dav/' }),
    );
    expect(error.toData()).toMatchObject({
      kind: 'network',
      retryable: true,
      proxyRefusal: { kind: 'upstream-unreachable', host: 'cloud.example.org' },
    });
    expect(sent).toBe(3);
  });

  it('leaves a server’s own JSON 403 alone', async () => {
    const transport = transportAnswering(
      () =>
        new Response(JSON.stringify({ error: 'forbidden', reason: 'no' }), {
          status: 403,
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    const reply = await transport.request({ method: 'PROPFIND', url: 'https://cloud.example.org/dav/' });
    expect(reply.status).toBe(403);
  });
});
