import type { Plugin } from 'vite';

/**
 * Drops the one build log we know to be harmless, so `npm start` prints what matters: sax (the CalDAV
 * XML reader, in the sync worker and the service worker) requires Node's `stream` only for its
 * SAXStream, inside a try/catch. We call `sax.parser`, never the stream, so the empty browser stand-in
 * Vite substitutes is exactly right. Every other log passes through.
 */
export function quietKnownLogs(): Plugin {
  return {
    name: 'almanac:quiet-known-logs',
    onLog(_level, log) {
      const text = log.message;
      if (text.includes('Module "stream" has been externalized') && text.includes('/sax/')) return false;
      return undefined;
    },
  };
}
