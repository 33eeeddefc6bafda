// The CalDAV contract suite against real Radicale and Xandikos (Debian packages, installed on demand),
// each over plain fetch and through the real CORS proxy (node server + createProxyHandler, loopback
// explicitly allowed as in every test). Servers are stopped in afterAll, also when a test fails; a
// watchdog stops them if the test process dies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultProxyConfig, startProxyServer, type ProxyServer } from '../../../workers/proxy/index';
import { ensureServerPackages } from '../../servers/ensure-packages';
import { startRadicale } from '../../servers/radicale';
import type { RunningServer } from '../../servers/running-server';
import { startXandikos } from '../../servers/xandikos';
import type { FetchLike } from '../../servers/dav-client';
import { defineCalDavContract } from './caldav-contract';

const starters = { radicale: startRadicale, xandikos: startXandikos } as const;
const APP_ORIGIN = 'http://127.0.0.1:4173';
// A first run on a fresh machine installs the packages with apt-get (about a minute).
const INSTALL_TIMEOUT_MS = 10 * 60_000;

describe.each(['radicale', 'xandikos'] as const)('%s', (kind) => {
  let server: RunningServer | undefined;
  let proxy: ProxyServer | undefined;
  let startMs = 0;

  const running = (): RunningServer => {
    if (!server) throw new Error(`${kind} did not start (see beforeAll)`);
    return server;
  };

  beforeAll(async () => {
    await ensureServerPackages();
    const started = performance.now();
    server = await starters[kind]();
    startMs = performance.now() - started;
    proxy = await startProxyServer({
      port: 0,
      config: {
        ...defaultProxyConfig,
        allowedHosts: [new URL(server.baseUrl).host],
        allowPrivate: true,
        allowedOrigins: [APP_ORIGIN],
        rateLimit: { burst: 10_000, perSecond: 1_000 },
      },
    });
  }, INSTALL_TIMEOUT_MS);

  afterAll(async () => {
    await proxy?.close();
    await server?.stop();
  });

  it('starts in under 3 s', () => {
    expect(startMs).toBeLessThan(3_000);
  });

  it('answers 404 for an object that does not exist', async () => {
    const url = await running().createCalendar(`missing-${Date.now().toString(36)}`);
    const response = await fetch(`${url}no-such-object.ics`, {
      headers: { Authorization: `Basic ${btoa(`${running().username}:${running().password}`)}` },
    });
    await response.arrayBuffer();
    expect(response.status).toBe(404);
  });

  describe('over plain fetch', () => {
    defineCalDavContract({ kind, server: running, fetch: (input, init) => fetch(input, init) });
  });

  describe('through the CORS proxy', () => {
    const viaProxy: FetchLike = (input, init) => {
      if (!proxy) throw new Error('proxy did not start');
      const headers = new Headers(init?.headers);
      headers.set('Origin', APP_ORIGIN);
      return fetch(`${proxy.url}/proxy?url=${encodeURIComponent(input)}`, { ...init, headers });
    };
    defineCalDavContract({ kind, server: running, fetch: viaProxy });
  });
});

describe('Radicale authentication', () => {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    await ensureServerPackages();
    server = await startRadicale({ password: 'right' });
  }, INSTALL_TIMEOUT_MS);
  afterAll(async () => {
    await server?.stop();
  });

  it('refuses a wrong password with 401', async () => {
    if (!server) throw new Error('radicale did not start');
    const response = await fetch(`${server.baseUrl}/${server.username}/`, {
      method: 'PROPFIND',
      headers: { Depth: '0', Authorization: `Basic ${btoa(`${server.username}:wrong`)}` },
    });
    await response.arrayBuffer();
    expect(response.status).toBe(401);
  });
});
