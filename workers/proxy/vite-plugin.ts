/**
 * Mounts the CORS proxy under /proxy of Vite's dev and preview servers, so `npm run dev` (and the e2e
 * tests, which run `vite preview`) reach CalDAV servers the same way `npm start` does.
 * Configuration comes from the same ALMANAC_PROXY_* environment variables (README.md beside this file).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { proxySettingsFromEnv } from './env-config.ts';
import { jsonLineLogger } from './logger.ts';
import { createProxyListener, type ProxyListener } from './node-server.ts';

type Next = (error?: unknown) => void;

function isProxyPath(url: string | undefined): boolean {
  const pathname = (url ?? '/').split('?')[0] ?? '/';
  return pathname === '/proxy' || pathname.startsWith('/proxy/');
}

function middleware(proxy: ProxyListener) {
  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    if (isProxyPath(req.url)) proxy.listener(req, res);
    else next();
  };
}

function listenerFor(ownOrigins: readonly string[]): ProxyListener {
  const settings = proxySettingsFromEnv(process.env);
  return createProxyListener({
    config: {
      ...settings.config,
      allowedOrigins: [...new Set([...settings.config.allowedOrigins, ...ownOrigins])],
    },
    deps: { logger: jsonLineLogger((line) => process.stderr.write(line)) },
  });
}

function originsOf(port: number | undefined): string[] {
  return port === undefined ? [] : [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

export function almanacProxyPlugin(): Plugin {
  return {
    name: 'almanac-proxy',
    configureServer(server) {
      const proxy = listenerFor(originsOf(server.config.server.port));
      server.middlewares.use(middleware(proxy));
      server.httpServer?.once('close', () => {
        proxy.close();
      });
    },
    configurePreviewServer(server) {
      const proxy = listenerFor(originsOf(server.config.preview.port));
      server.middlewares.use(middleware(proxy));
      server.httpServer.once('close', () => {
        proxy.close();
      });
    },
  };
}
