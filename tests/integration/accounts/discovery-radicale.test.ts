// Discovery against a real Radicale (Debian package, started on 127.0.0.1 by tests/servers), over
// plain fetch and through the real CORS proxy, the way the sync worker reaches servers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/errors';
import type { DiscoveryResult } from '../../../src/core/sync/sync-api';
import { discoverCalDav } from '../../../workers/sync/providers/caldav/discovery';
import {
  defaultProxyConfig,
  silentLogger,
  startProxyServer,
  type ProxyServer,
} from '../../../workers/proxy/index';
import { createProxiedFetch } from '../../../workers/sync/proxied-fetch';
import { ensureServerPackages } from '../../servers/ensure-packages';
import { startRadicale } from '../../servers/radicale';
import type { RunningServer } from '../../servers/running-server';
import { createDavClient } from '../../servers/dav-client';

const APP_ORIGIN = 'http://127.0.0.1:4173';
const INSTALL_TIMEOUT_MS = 10 * 60_000;

let server: RunningServer | undefined;
let proxy: ProxyServer | undefined;
let refusingProxy: ProxyServer | undefined;

function running(): RunningServer {
  if (!server) throw new Error('Radicale did not start (see beforeAll)');
  return server;
}

const withOrigin: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set('Origin', APP_ORIGIN);
  return fetch(input, { ...init, headers });
};

function viaProxy(started: ProxyServer | undefined): typeof fetch {
  if (!started) throw new Error('proxy did not start');
  return createProxiedFetch(`${started.url}/proxy`, withOrigin);
}

async function startProxy(allowedHosts: string[]): Promise<ProxyServer> {
  return startProxyServer({
    port: 0,
    config: {
      ...defaultProxyConfig,
      allowedHosts,
      allowPrivate: true,
      allowedOrigins: [APP_ORIGIN],
      rateLimit: { burst: 10_000, perSecond: 1_000 },
    },
    deps: { logger: silentLogger },
  });
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected discovery to fail');
}

beforeAll(async () => {
  await ensureServerPackages();
  server = await startRadicale();
  const work = await running().createCalendar('work');
  await running().createCalendar('home');
  // Apple's calendar-color on one calendar, as iCloud and Nextcloud send it (#RRGGBBAA).
  const dav = createDavClient({ auth: { username: running().username, password: running().password } });
  const set = await dav.request('PROPPATCH', work, {
    body:
      '<?xml version="1.0" encoding="utf-8"?><d:propertyupdate xmlns:d="DAV:" xmlns:a="http://apple.com/ns/ical/">' +
      '<d:set><d:prop><a:calendar-color>#D1242FFF</a:calendar-color><d:displayname>Work</d:displayname></d:prop></d:set>' +
      '</d:propertyupdate>',
  });
  expect(set.status).toBe(207);
  proxy = await startProxy([new URL(running().baseUrl).host]);
  refusingProxy = await startProxy(['sync.infomaniak.com']);
}, INSTALL_TIMEOUT_MS);

afterAll(async () => {
  await proxy?.close();
  await refusingProxy?.close();
  await server?.stop();
});

function expectCalendars(result: DiscoveryResult): void {
  const home = `${running().baseUrl}/${running().username}/`;
  expect(result.serverUrl).toBe(home);
  const byUrl = new Map(result.calendars.map((calendar) => [calendar.url, calendar]));
  expect(byUrl.get(`${home}work/`)).toEqual({
    url: `${home}work/`,
    name: 'Work',
    color: '#D1242FFF',
    readOnly: false,
    supportsSyncCollection: true,
  });
  expect(byUrl.get(`${home}home/`)).toMatchObject({
    name: 'home',
    readOnly: false,
    supportsSyncCollection: true,
  });
}

describe('discoverCalDav against Radicale', () => {
  it('finds the calendars with names, colours, privileges and sync-collection over plain fetch', async () => {
    const login = {
      serverUrl: running().baseUrl,
      username: running().username,
      password: running().password,
    };
    expectCalendars(await discoverCalDav(login, { fetch }));
  });

  it('finds the same calendars through the CORS proxy', async () => {
    const login = {
      serverUrl: `${running().baseUrl}/`,
      username: running().username,
      password: running().password,
    };
    expectCalendars(await discoverCalDav(login, { fetch: viaProxy(proxy) }));
  });

  it('tells a wrong password apart: auth', async () => {
    const login = { serverUrl: running().baseUrl, username: running().username, password: 'wrong' };
    const error = await caught(discoverCalDav(login, { fetch }));
    expect(error.kind).toBe('auth');
    expect(`${error.message} ${error.detail ?? ''}`).not.toContain('wrong');
  });

  it('tells a wrong password apart through the proxy too', async () => {
    const login = { serverUrl: running().baseUrl, username: running().username, password: 'wrong' };
    expect((await caught(discoverCalDav(login, { fetch: viaProxy(proxy) }))).kind).toBe('auth');
  });

  it('reports a server the proxy does not allow: host-not-allowed, with the entry to add', async () => {
    const login = {
      serverUrl: running().baseUrl,
      username: running().username,
      password: running().password,
    };
    const error = await caught(discoverCalDav(login, { fetch: viaProxy(refusingProxy) }));
    expect(error.kind).toBe('host-not-allowed');
    expect(error.detail).toBe('proxy: private-address-not-allowed');
    const { host } = new URL(running().baseUrl);
    expect(error.proxyRefusal).toMatchObject({ kind: 'private-address-not-allowed', entry: host });
  });
});
