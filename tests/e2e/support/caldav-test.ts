import { addDays, today } from './dates';
import { startSeededRadicale, type SeededCalDav, type SeededEvent } from './caldav-server';
import { loopbackProxyEnv, serveApp, type ServedApp } from './serve-app';
import { test as base } from './test';

/**
 * `test` for the CalDAV specs: each test gets its own Radicale (user "alice", calendar "Team" with
 * three events tomorrow) and its own `scripts/serve.mjs` whose proxy may reach that Radicale's
 * loopback port and nothing else; `baseURL` points at it. Both are stopped when the test ends.
 */
export const TEAM = 'Team';

export function seededEvents(): SeededEvent[] {
  const tomorrow = addDays(today(), 1);
  return [
    { uid: 'standup-e2e', summary: 'Team standup', date: tomorrow },
    { uid: 'review-e2e', summary: 'Design review', date: tomorrow },
    { uid: 'retro-e2e', summary: 'Sprint retro', date: tomorrow },
  ];
}

export const test = base.extend<{ caldav: SeededCalDav; app: ServedApp }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: none.
  caldav: async ({}, use) => {
    const seeded = await startSeededRadicale(TEAM, seededEvents());
    await use(seeded);
    await seeded.stop();
  },
  app: async ({ caldav }, use) => {
    const port = Number(new URL(caldav.server.baseUrl).port);
    const served = await serveApp(process.env['ALMANAC_OUT_DIR'] ?? 'dist', loopbackProxyEnv(port));
    await use(served);
    await served.stop();
  },
  baseURL: async ({ app }, use) => {
    await use(app.origin);
  },
});

export { expect } from './test';
