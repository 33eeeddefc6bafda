/**
 * The proxy logs one line per request through an injected logger. Fields are chosen by the
 * handler and never include headers, the query string or bodies, so Authorization, cookies and
 * calendar data cannot end up in a log.
 */
export type LogFields = Readonly<Record<string, string | number | boolean>>;

export interface ProxyLogger {
  info(event: string, fields: LogFields): void;
  warn(event: string, fields: LogFields): void;
}

export const silentLogger: ProxyLogger = { info() {}, warn() {} };

/** JSON lines to a writer (process.stdout.write in the CLI). */
export function jsonLineLogger(write: (line: string) => void, now: () => number = Date.now): ProxyLogger {
  const log = (level: string, event: string, fields: LogFields): void => {
    write(`${JSON.stringify({ time: new Date(now()).toISOString(), level, event, ...fields })}\n`);
  };
  return {
    info: (event, fields) => {
      log('info', event, fields);
    },
    warn: (event, fields) => {
      log('warn', event, fields);
    },
  };
}
