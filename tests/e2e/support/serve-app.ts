import { ensureProxyBuilt, startServe } from '../../servers/serve-process';

export { ensureProxyBuilt };

/**
 * One `scripts/serve.mjs` instance (the real CSP, the real CORS proxy under /proxy) on a free port,
 * serving `root` with extra environment: the CalDAV specs and the sync benchmark let its proxy reach
 * one loopback test server and nothing else.
 */
export interface ServedApp {
  readonly origin: string;
  stop(): Promise<void>;
}

/**
 * The proxy settings that let it reach exactly `127.0.0.1:<port>` (a test server's) and nothing else:
 * private access on, and the one `host:port` entry it applies to (workers/proxy/README.md).
 */
export function loopbackProxyEnv(port: number): Record<string, string> {
  return {
    ALMANAC_PROXY_ALLOW_PRIVATE: '1',
    ALMANAC_PROXY_ALLOWED_HOSTS: `127.0.0.1:${port}`,
    // A first sync plus a test's syncs stay far below this; the default (300, 10/s) is for the field.
    ALMANAC_PROXY_RATE_BURST: '100000',
    ALMANAC_PROXY_RATE_PER_SECOND: '10000',
  };
}

export async function serveApp(root: string, env: Record<string, string>): Promise<ServedApp> {
  const served = await startServe(root, env);
  return { origin: served.origin, stop: () => served.stop() };
}
