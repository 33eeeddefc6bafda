/**
 * TLS to the IMAP server (workers/mail-bridge/README.md, "Security model"), against Dovecot over
 * implicit TLS with a self-signed certificate for 127.0.0.1: the bridge refuses it (502 tls-failed,
 * the certificate is verified), and talks to it once the operator adds that certificate as a root
 * (ALMANAC_MAIL_BRIDGE_CA_FILE), so the connection and its check are real.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultMailBridgeConfig } from '../../../workers/mail-bridge/config';
import { startMailBridgeServer, type MailBridgeServer } from '../../../workers/mail-bridge/node-server';
import { startDovecot, type RunningDovecot } from '../../servers/dovecot';
import { basic } from './bridge-world';

let dovecot: RunningDovecot;

beforeAll(async () => {
  dovecot = await startDovecot({
    tls: true,
    users: [{ username: 'almanac', password: 'almanac-test-password', folders: { INBOX: 3 } }],
  });
});

afterAll(async () => {
  await dovecot.stop();
});

async function folders(extraCaCertificates: readonly string[]): Promise<Response> {
  const bridge: MailBridgeServer = await startMailBridgeServer({
    port: 0,
    config: {
      ...defaultMailBridgeConfig,
      allowedHosts: [`127.0.0.1:${dovecot.port}`],
      allowPrivate: true,
      allowMissingOrigin: true,
      extraCaCertificates,
    },
  });
  try {
    const response = await fetch(`${bridge.url}/mail-bridge/folders`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: basic('almanac', 'almanac-test-password'),
      },
      body: JSON.stringify({ server: { host: '127.0.0.1', port: dovecot.port, security: 'tls' } }),
    });
    await response.clone().arrayBuffer();
    return response;
  } finally {
    await bridge.close();
  }
}

describe('TLS to the mail server', () => {
  it('refuses a certificate no root vouches for', async () => {
    const response = await folders([]);
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: 'tls-failed' });
  });

  it('connects over TLS once the operator trusts the server certificate', async () => {
    const response = await folders([dovecot.tlsCertificate ?? '']);
    expect(response.status).toBe(200);
    const { folders: list } = (await response.json()) as { folders: { path: string; messages: number }[] };
    expect(list.find((folder) => folder.path === 'INBOX')?.messages).toBe(3);
  });
});
