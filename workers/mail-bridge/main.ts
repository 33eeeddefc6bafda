/**
 * CLI entry: `npm run build:proxy && node dist-proxy/mail-bridge-main.js`. Settings come from
 * ALMANAC_MAIL_BRIDGE_* environment variables; logs are JSON lines on stdout.
 */
import { jsonLineLogger } from '../proxy/logger';
import { mailBridgeSettingsFromEnv } from './env-config';
import { startMailBridgeServer } from './node-server';

const settings = mailBridgeSettingsFromEnv(process.env);
const logger = jsonLineLogger((line) => process.stdout.write(line));
const server = await startMailBridgeServer({ ...settings, deps: { logger } });
logger.info('listening', { url: server.url, allowedHosts: settings.config.allowedHosts.join(',') });
if (settings.config.allowedOrigins.length === 0) {
  logger.warn('no-origin', {
    reason:
      'No app origin may use this bridge: set ALMANAC_MAIL_BRIDGE_ORIGINS (https://almanac.example.org).',
  });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
