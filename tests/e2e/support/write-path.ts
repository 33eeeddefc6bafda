import type { Page } from '@playwright/test';

/**
 * The agenda's event writes run in a chunk of their own (src/pages/agenda/write-executor.ts), fetched
 * on first use. Tests that need a write to hang or fail steer that one file. Service workers must be
 * blocked in those tests (`test.use({ serviceWorkers: 'block' })`): a file the service worker serves
 * from its cache never reaches Playwright's routing.
 */
const WRITE_PATH = '**/assets/write-executor-*.js';

export const WritePath = {
  /** Loads as usual. */
  open: 'open',
  /** Requested but never answered: every write waits, as on a stalled network. */
  hold: 'hold',
  /** Fails to load: every write fails, as offline without the service worker's copy. */
  fail: 'fail',
} as const;
export type WritePath = (typeof WritePath)[keyof typeof WritePath];

export interface WritePathControl {
  /** What the next requests for the write path get (a page that loaded it keeps it). */
  set(state: WritePath): void;
  /** How many times it was requested so far. */
  requests(): number;
}

export async function controlWritePath(page: Page): Promise<WritePathControl> {
  let state: WritePath = WritePath.open;
  let requests = 0;
  await page.route(WRITE_PATH, async (route) => {
    requests += 1;
    // Held: left unanswered, so the request stays pending until the page goes away.
    if (state === WritePath.hold) return;
    if (state === WritePath.fail) await route.abort('internetdisconnected');
    else await route.continue();
  });
  return {
    set: (next) => {
      state = next;
    },
    requests: () => requests,
  };
}

/** The agenda writes noted in localStorage and not yet known to be committed (write-journal.ts). */
export function notedWrites(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.startsWith('almanac.pendingWrite.')),
  );
}
