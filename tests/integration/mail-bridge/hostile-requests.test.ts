/**
 * Requests the bridge must refuse with a 4xx JSON answer naming the kind, without reaching any IMAP
 * server it was not told to (docs/sync-rules.md rule 31's policies, reused): bad JSON, a body over the
 * limit, a host outside the allowlist, private and metadata addresses, plain IMAP to anything but
 * loopback, another spelling of an address, CR/LF smuggled into folder names, flags and search terms,
 * path traversal in folder names, missing or broken credentials, other origins, unknown paths and
 * methods, a rate-limited client. After all of them the bridge still serves a real request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultMailBridgeConfig, type MailBridgeConfig } from '../../../workers/mail-bridge/config';
import { startMailBridgeServer, type MailBridgeServer } from '../../../workers/mail-bridge/node-server';
import { basic, startBridgeWorld, type BridgeWorld } from './bridge-world';

let world: BridgeWorld;

beforeAll(async () => {
  world = await startBridgeWorld(
    {},
    { maxRequestBytes: 64 * 1024, allowMissingOrigin: false, allowedOrigins: ['https://app.example.test'] },
  );
});

afterAll(async () => {
  await world.stop();
});

const origin = { Origin: 'https://app.example.test' };

/** The bridge alone, for refusals that never reach a server. */
function bridgeOnly(config: Partial<MailBridgeConfig>): Promise<MailBridgeServer> {
  return startMailBridgeServer({
    port: 0,
    config: {
      ...defaultMailBridgeConfig,
      allowPrivate: true,
      allowPlainLoopback: true,
      allowMissingOrigin: true,
      ...config,
    },
  });
}
const auth = basic('almanac', 'almanac-test-password');

async function post(path: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${world.bridge.url}/mail-bridge/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: auth, ...origin, ...headers },
    body,
  });
}

function withServer(fields: Record<string, unknown>, server: Record<string, unknown> = {}): string {
  return JSON.stringify({ server: { ...world.server, ...server }, ...fields });
}

interface Case {
  readonly name: string;
  readonly request: () => Promise<Response>;
  readonly status: number;
  readonly kind: string;
}

const cases: readonly Case[] = [
  {
    name: 'a body that is not JSON',
    request: () => post('folders', '{"server": '),
    status: 400,
    kind: 'invalid-json',
  },
  {
    name: 'JSON that is not an object',
    request: () => post('folders', '[1,2]'),
    status: 400,
    kind: 'invalid-request',
  },
  {
    name: 'a body over the limit',
    request: () => post('append', JSON.stringify({ raw: 'A'.repeat(200 * 1024) })),
    status: 413,
    kind: 'body-too-large',
  },
  {
    name: 'a host outside the allowlist',
    request: () => post('folders', withServer({}, { host: 'imap.evil.example', port: 993, security: 'tls' })),
    status: 403,
    kind: 'host-not-allowed',
  },
  {
    name: 'another port of the allowed loopback address',
    request: () => post('folders', withServer({}, { port: 993 })),
    status: 403,
    kind: 'private-address-not-allowed',
  },
  {
    name: 'a private address',
    request: () => post('folders', withServer({}, { host: '192.168.1.20', port: 993, security: 'tls' })),
    status: 403,
    kind: 'private-address-not-allowed',
  },
  {
    name: 'the cloud metadata address',
    request: () => post('folders', withServer({}, { host: '169.254.169.254', port: 993, security: 'tls' })),
    status: 403,
    kind: 'address-not-allowed',
  },
  {
    name: 'loopback written another way',
    request: () => post('folders', withServer({}, { host: '127.1' })),
    status: 400,
    kind: 'address-spelling-not-allowed',
  },
  {
    name: 'a host with CR/LF',
    request: () => post('folders', withServer({}, { host: '127.0.0.1\r\nX-Evil: 1' })),
    status: 400,
    kind: 'invalid-request',
  },
  {
    name: 'a folder name with an IMAP command smuggled after CR/LF',
    request: () => post('messages', withServer({ folder: 'INBOX\r\na1 LOGOUT' })),
    status: 400,
    kind: 'invalid-request',
  },
  {
    name: 'a folder name walking up the tree',
    request: () => post('messages', withServer({ folder: '../../etc/passwd' })),
    status: 400,
    kind: 'invalid-request',
  },
  {
    name: 'a folder name inside a folder walking up',
    request: () => post('messages', withServer({ folder: 'INBOX/../../other-user' })),
    status: 400,
    kind: 'invalid-request',
  },
  {
    name: 'a folder name with a LIST wildcard',
    request: () => post('messages', withServer({ folder: '*' })),
    status: 400,
    kind: 'invalid-request',
  },
  {
    name: 'a flag with a space and a command',
    request: () => post('flags', withServer({ folder: 'INBOX', uids: '1', add: ['\\Seen) a1 LOGOUT'] })),
    status: 400,
    kind: 'invalid-request',
  },
  {
    name: 'a search term with CR/LF',
    request: () => post('search', withServer({ folder: 'INBOX', query: { text: 'x\r\na1 DELETE INBOX' } })),
    status: 400,
    kind: 'invalid-request',
  },
  {
    name: 'a UID set with *',
    request: () => post('flags', withServer({ folder: 'INBOX', uids: '1:*', add: ['\\Seen'] })),
    status: 400,
    kind: 'invalid-request',
  },
  {
    name: 'no credentials',
    request: () => post('folders', withServer({}), { Authorization: '' }),
    status: 401,
    kind: 'missing-credentials',
  },
  {
    name: 'Bearer credentials',
    request: () => post('folders', withServer({}), { Authorization: 'Bearer abc' }),
    status: 401,
    kind: 'missing-credentials',
  },
  {
    name: 'credentials with a control character',
    request: () => post('folders', withServer({}), { Authorization: basic('almanac\r\nx', 'y') }),
    status: 401,
    kind: 'missing-credentials',
  },
  {
    name: 'another origin',
    request: () => post('folders', withServer({}), { Origin: 'https://evil.example' }),
    status: 403,
    kind: 'origin-not-allowed',
  },
  {
    name: 'no origin',
    request: () =>
      fetch(`${world.bridge.url}/mail-bridge/folders`, {
        method: 'POST',
        headers: { Authorization: auth },
        body: withServer({}),
      }),
    status: 403,
    kind: 'origin-not-allowed',
  },
  {
    name: 'an unknown path',
    request: () => post('../proxy', withServer({})),
    status: 404,
    kind: 'not-found',
  },
  {
    name: 'a path with traversal',
    request: () => post('folders/../../etc', withServer({})),
    status: 404,
    kind: 'not-found',
  },
  {
    name: 'GET on a POST endpoint',
    request: () => fetch(`${world.bridge.url}/mail-bridge/folders`, { headers: origin }),
    status: 405,
    kind: 'method-not-allowed',
  },
  {
    name: 'plain IMAP to a server that is not loopback',
    request: () =>
      post('folders', withServer({}, { host: 'imap.fastmail.com', port: 143, security: 'plain' })),
    status: 403,
    kind: 'host-not-allowed',
  },
];

describe('hostile requests to the mail bridge', () => {
  for (const testCase of cases) {
    it(`refuses ${testCase.name}`, async () => {
      const response = await testCase.request();
      expect(response.status).toBe(testCase.status);
      expect(response.headers.get('x-mail-bridge-error')).toBe(testCase.kind);
      expect(await response.json()).toMatchObject({ error: testCase.kind });
    });
  }

  it('refuses plain IMAP unless to loopback with the test switch on, and ports the allowlist does not name', async () => {
    const open = await bridgeOnly({ allowedHosts: ['imap.fastmail.com:143'], allowPlainLoopback: false });
    const ask = (server: Record<string, unknown>) =>
      fetch(`${open.url}/mail-bridge/folders`, {
        method: 'POST',
        headers: { Authorization: auth },
        body: JSON.stringify({ server }),
      });
    try {
      const plain = await ask({ host: 'imap.fastmail.com', port: 143, security: 'plain' });
      expect(plain.status).toBe(403);
      expect(plain.headers.get('x-mail-bridge-error')).toBe('plain-not-allowed');
      const port = await ask({ host: 'imap.fastmail.com', port: 993, security: 'tls' });
      expect(port.status).toBe(403);
      expect(await port.json()).toMatchObject({ error: 'port-not-allowed', entry: 'imap.fastmail.com:993' });
    } finally {
      await open.close();
    }
    // With the switch on, plain to a private address that is not loopback is still refused.
    const privatePlain = await bridgeOnly({ allowedHosts: ['192.168.1.20:143'] });
    try {
      const response = await fetch(`${privatePlain.url}/mail-bridge/folders`, {
        method: 'POST',
        headers: { Authorization: auth },
        body: JSON.stringify({ server: { host: '192.168.1.20', port: 143, security: 'plain' } }),
      });
      expect(response.status).toBe(403);
      expect(response.headers.get('x-mail-bridge-error')).toBe('plain-not-allowed');
    } finally {
      await privatePlain.close();
    }
  });

  it('answers a preflight from the app origin only', async () => {
    const ok = await fetch(`${world.bridge.url}/mail-bridge/folders`, {
      method: 'OPTIONS',
      headers: {
        ...origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.example.test');
    expect(ok.headers.get('access-control-allow-credentials')).toBeNull();
    const evil = await fetch(`${world.bridge.url}/mail-bridge/folders`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(evil.status).toBe(403);
  });

  it('still serves a real request after all of them', async () => {
    const response = await post('folders', withServer({}));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { folders: unknown[] }).folders.length).toBeGreaterThan(0);
  });

  it('rate-limits a client that asks too fast', async () => {
    const slow = await bridgeOnly({ rateLimit: { burst: 3, perSecond: 0.001 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const response = await fetch(`${slow.url}/mail-bridge/health`);
        statuses.push(response.status);
        await response.arrayBuffer();
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await slow.close();
    }
  });
});
