/**
 * Mounts the mail bridge under /mail-bridge of Vite's dev and preview servers, so `npm run dev` and the
 * e2e tests (`vite preview`) reach IMAP the way `npm start` does. Configuration comes from the same
 * ALMANAC_MAIL_BRIDGE_* environment variables (README.md beside this file).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { jsonLineLogger } from '../proxy/logger.ts';
import { mailBridgePath } from './bridge-handler.ts';
import { mailBridgeSettingsFromEnv } from './env-config.ts';
import { createMailBridgeListener, type MailBridgeListener } from './node-server.ts';

type Next = (error?: unknown) => void;

function isBridgePath(url: string | undefined): boolean {
  const pathname = (url ?? '/').split('?')[0] ?? '/';
  return pathname === mailBridgePath || pathname.startsWith(`${mailBridgePath}/`);
}

function listenerFor(port: number | undefined): MailBridgeListener {
  const settings = mailBridgeSettingsFromEnv(process.env);
  const own = port === undefined ? [] : [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  return createMailBridgeListener({
    config: { ...settings.config, allowedOrigins: [...new Set([...settings.config.allowedOrigins, ...own])] },
    deps: { logger: jsonLineLogger((line) => process.stderr.write(line)) },
  });
}

function middleware(bridge: MailBridgeListener) {
  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    if (isBridgePath(req.url)) bridge.listener(req, res);
    else next();
  };
}

export function almanacMailBridgePlugin(): Plugin {
  return {
    name: 'almanac-mail-bridge',
    configureServer(server) {
      const bridge = listenerFor(server.config.server.port);
      server.middlewares.use(middleware(bridge));
      server.httpServer?.once('close', () => void bridge.close());
    },
    configurePreviewServer(server) {
      const bridge = listenerFor(server.config.preview.port);
      server.middlewares.use(middleware(bridge));
      server.httpServer.once('close', () => void bridge.close());
    },
  };
}
