import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRuntimeConfig, REDIRECT_BRIDGE_PATH } from '../../../src/core/config/runtime-config';
import { startServe, type ServeProcess } from '../../servers/serve-process';
import { makeBuiltApp, type BuiltApp } from './built-app';

/**
 * `npm start` serves the runtime configuration (README.md, "Configuration") as /config.json, adds the
 * sign-in and Graph origins to its Content-Security-Policy, serves MSAL's redirect-bridge page without
 * COOP (docs/sync-rules.md rule 52), and refuses to start on a bad value, naming the variable.
 */

const CLIENT_ID = '11111111-2222-3333-4444-555555555555';
let app: BuiltApp;
let served: ServeProcess;

beforeAll(async () => {
  app = await makeBuiltApp();
  await mkdir(join(app.root, 'auth'));
  await writeFile(join(app.root, REDIRECT_BRIDGE_PATH), '<!doctype html><title>bridge</title>\n');
  served = await startServe(app.root, {
    ALMANAC_MS_CLIENT_ID: CLIENT_ID,
    ALMANAC_MS_AUTHORITY: 'https://127.0.0.1:9443/',
    ALMANAC_MS_KNOWN_AUTHORITIES: '127.0.0.1:9443',
    ALMANAC_MS_PROTOCOL_MODE: 'OIDC',
    ALMANAC_GRAPH_BASE_URL: 'http://127.0.0.1:8123/v1.0',
  });
}, 240_000);

afterAll(async () => {
  await served.stop();
  await app.remove();
});

describe('npm start and the runtime configuration', () => {
  it('serves /config.json from the environment, never cached', async () => {
    const response = await fetch(`${served.origin}/config.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(readRuntimeConfig(await response.json())).toEqual({
      ok: true,
      config: {
        microsoft: {
          clientId: CLIENT_ID,
          authority: 'https://127.0.0.1:9443',
          knownAuthorities: ['127.0.0.1:9443'],
          protocol: 'OIDC',
          graphBaseUrl: 'http://127.0.0.1:8123/v1.0',
        },
      },
    });
  });

  it('lets the page reach the authority and Graph, and frame only the authority', async () => {
    const csp = (await fetch(`${served.origin}/`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("connect-src 'self' https://127.0.0.1:9443 http://127.0.0.1:8123;");
    expect(csp).toContain("frame-src 'self' https://127.0.0.1:9443;");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('serves the redirect-bridge page without COOP, framable by the app only', async () => {
    const response = await fetch(`${served.origin}${REDIRECT_BRIDGE_PATH}?code=x&state=y`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cross-origin-opener-policy')).toBe(null);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    // Every other page keeps COOP.
    expect((await fetch(`${served.origin}/`)).headers.get('cross-origin-opener-policy')).toBe('same-origin');
  });

  it('refuses to start on a bad value, naming the variable', async () => {
    await expect(
      startServe(app.root, { ALMANAC_MS_AUTHORITY: 'http://login.example.org/common' }),
    ).rejects.toThrow('ALMANAC_MS_AUTHORITY must start with https://');
  });
});
