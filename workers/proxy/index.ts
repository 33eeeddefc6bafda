/** What other code (scripts/serve.mjs through the build, tests) imports from the proxy. */
export { createProxyHandler, proxyPath } from './proxy-handler';
export type { ClientInfo, ProxyDeps, ProxyHandler } from './proxy-handler';
export { createProxyListener, startProxyServer, systemLookup } from './node-server';
export type { ProxyListener, ProxyServer, ProxyServerOptions } from './node-server';
export { defaultProxyConfig, presetHosts } from './config';
export type { ProxyConfig, RateLimit } from './config';
export { proxySettingsFromEnv } from './env-config';
export { jsonLineLogger, silentLogger } from './logger';
export type { ProxyLogger, LogFields } from './logger';
export { RefusalKind } from './refusal';
