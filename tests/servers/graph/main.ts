/**
 * Starts the Graph test server on its own, for manual tries and benchmarks:
 *   tsx tests/servers/graph/main.ts --port 0 --seed 100 [--series 6] [--calendars 2] [--latency 40] [--token T]
 * `--seed N` puts N generated events (one year back, two ahead) in the mailbox. Prints one JSON
 * line ({ url, baseUrl, token }) once listening; stops on SIGINT / SIGTERM.
 */
import { generateMailbox } from './seed/generate-mailbox';
import { startGraphServer } from './start-graph-server';

const DAY_MS = 86_400_000;

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function numberFlag(name: string, fallback: number): number {
  const value = flag(name);
  const parsed = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new Error(`--${name} needs a whole number, got ${String(value)}`);
  return parsed;
}

const token = flag('token');
const server = await startGraphServer({
  port: numberFlag('port', 0),
  latencyMs: numberFlag('latency', 0),
  ...(token !== undefined ? { token } : {}),
});
const calendarIds = [server.store.defaultCalendar().id];
for (let n = 1; n < numberFlag('calendars', 1); n += 1)
  calendarIds.push(server.seed.calendar({ name: `Calendar ${n + 1}` }).id);
const events = numberFlag('seed', 0);
if (events > 0) {
  const seriesFlag = flag('series');
  generateMailbox(server.seed, {
    events,
    ...(seriesFlag !== undefined ? { series: numberFlag('series', 0) } : {}),
    fromMs: Date.now() - 365 * DAY_MS,
    toMs: Date.now() + 2 * 365 * DAY_MS,
    calendarIds,
  });
}
process.stdout.write(
  `${JSON.stringify({ url: server.url, baseUrl: server.baseUrl, token: server.token })}\n`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.stop().then(() => process.exit(0));
  });
}
