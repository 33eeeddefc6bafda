/**
 * CLI entry: `npm run build:proxy && node dist-proxy/main.js`. Settings come from ALMANAC_PROXY_*
 * environment variables; logs are JSON lines on stdout.
 */
import { proxySettingsFromEnv } from './env-config';
import { jsonLineLogger } from './logger';
import { startProxyServer } from './node-server';

const settings = proxySettingsFromEnv(process.env);
const logger = jsonLineLogger((line) => process.stdout.write(line));
const server = await startProxyServer({ ...settings, deps: { logger } });
logger.info('listening', {
  url: server.url,
  allowedHosts: settings.config.allowedHosts.join(','),
  allowPrivate: settings.config.allowPrivate,
});

if (settings.config.allowedOrigins.length === 0) {
  logger.warn('no-origin', {
    reason: 'No app origin may use this proxy: set ALMANAC_PROXY_ORIGINS (https://almanac.example.org).',
  });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
