/**
 * A real Dovecot (tests/servers/dovecot.ts) and the mail bridge in front of it on 127.0.0.1, set as
 * the tests need it: the server's exact `127.0.0.1:port` allowed with private access and plain IMAP to
 * loopback on, requests without Origin accepted (Node is the client). `call` sends one JSON request
 * with Basic credentials; `direct` is a plain imapflow connection beside the bridge ("another client").
 */
import { ImapFlow } from 'imapflow';
import { defaultMailBridgeConfig, type MailBridgeConfig } from '../../../workers/mail-bridge/config';
import { startMailBridgeServer, type MailBridgeServer } from '../../../workers/mail-bridge/node-server';
import { startDovecot, type RunningDovecot, type StartDovecotOptions } from '../../servers/dovecot';
import { DEFAULT_PASSWORD, DEFAULT_USERNAME } from '../../servers/running-server';

export interface BridgeWorld {
  readonly dovecot: RunningDovecot;
  readonly bridge: MailBridgeServer;
  readonly server: { readonly host: string; readonly port: number; readonly security: 'plain' };
  call(op: string, body: Record<string, unknown>, init?: CallInit): Promise<Response>;
  /** `call`, then the JSON answer; throws with the body when the status is not 200. */
  json<T>(op: string, body: Record<string, unknown>): Promise<T>;
  direct(): Promise<ImapFlow>;
  stop(): Promise<void>;
}

export interface CallInit {
  readonly user?: string;
  readonly password?: string;
  readonly headers?: Record<string, string>;
}

export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export async function startBridgeWorld(
  options: StartDovecotOptions = {},
  config: Partial<MailBridgeConfig> = {},
): Promise<BridgeWorld> {
  const dovecot = await startDovecot(options);
  const bridge = await startMailBridgeServer({
    port: 0,
    config: {
      ...defaultMailBridgeConfig,
      allowedHosts: [`127.0.0.1:${dovecot.port}`],
      allowPrivate: true,
      allowPlainLoopback: true,
      allowMissingOrigin: true,
      ...config,
    },
  });
  const server = { host: '127.0.0.1', port: dovecot.port, security: 'plain' } as const;
  const clients: ImapFlow[] = [];
  const call = (op: string, body: Record<string, unknown>, init: CallInit = {}) =>
    fetch(`${bridge.url}/mail-bridge/${op}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: basic(init.user ?? DEFAULT_USERNAME, init.password ?? DEFAULT_PASSWORD),
        ...init.headers,
      },
      body: JSON.stringify({ server, ...body }),
    });
  return {
    dovecot,
    bridge,
    server,
    call,
    async json<T>(op: string, body: Record<string, unknown>) {
      const response = await call(op, body);
      const text = await response.text();
      if (response.status !== 200) throw new Error(`${op} answered ${response.status}: ${text}`);
      return JSON.parse(text) as T;
    },
    async direct() {
      const client = new ImapFlow({
        host: '127.0.0.1',
        port: dovecot.port,
        secure: false,
        doSTARTTLS: false,
        auth: { user: DEFAULT_USERNAME, pass: DEFAULT_PASSWORD },
        logger: false,
        qresync: true,
      });
      await client.connect();
      clients.push(client);
      return client;
    },
    async stop() {
      await Promise.all(clients.map((client) => client.logout().catch(() => undefined)));
      await bridge.close();
      await dovecot.stop();
    },
  };
}
