/**
 * `npm run bench:lighthouse`: Lighthouse (performance, accessibility, best practices) on the dashboard
 * and the agenda of the built app served by scripts/serve.mjs in Debian's Chromium (mobile, which is
 * Lighthouse's default, and its desktop preset), then the offline cold start to a visible agenda
 * (median of 5). Prints figures beside the targets; fails nothing.
 */
import { CATEGORIES, FormFactor, lighthouseScores, type Category } from './lighthouse-scores';
import { offlineColdStarts } from './offline-start';
import { serveBuiltApp } from './serve-built-app';
import { median } from './stats';

const CHROME_PATH = process.env['CHROME_PATH'] ?? process.env['ALMANAC_CHROMIUM'] ?? '/usr/bin/chromium';
const TARGETS: Readonly<Record<Category, number>> = {
  performance: 95,
  accessibility: 100,
  'best-practices': 95,
};
const OFFLINE_TARGET_MS = 1000;
const OFFLINE_RUNS = 5;
const today = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(
  new Date(),
);
const AGENDA = `/agenda/week/${today}`;

const log = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};
const mark = (ok: boolean): string => (ok ? 'ok' : 'MISSED');

async function main(): Promise<void> {
  const server = await serveBuiltApp();
  try {
    log(`Lighthouse on the built app at ${server.origin}, Chromium ${CHROME_PATH}`);
    for (const formFactor of [FormFactor.mobile, FormFactor.desktop]) {
      log(`\n${formFactor === FormFactor.mobile ? 'Mobile (simulated slow 4G, 4x CPU)' : 'Desktop preset'}`);
      for (const path of ['/', AGENDA]) {
        const result = await lighthouseScores(`${server.origin}${path}`, CHROME_PATH, formFactor);
        log(`  ${path}`);
        // A 0 is Lighthouse failing to measure (often a timeout on a loaded machine), not the page.
        if (result.runtimeError !== null) log(`    not measured: ${result.runtimeError}`);
        for (const category of CATEGORIES) {
          const score = result.scores[category];
          const target = TARGETS[category];
          log(
            `    ${category.padEnd(15)} ${String(score).padStart(3)}  (target ${target}) ${mark(score >= target)}`,
          );
          for (const audit of result.failing[category]) log(`        - ${audit}`);
        }
      }
    }
    const times = await offlineColdStarts(server, CHROME_PATH, OFFLINE_RUNS, AGENDA);
    const mid = median(times);
    log(`\nOffline cold start to a visible agenda (server stopped, network off), ${OFFLINE_RUNS} runs:`);
    log(`  runs   ${times.map((t) => `${t.toFixed(0)} ms`).join(', ')}`);
    log(`  median ${mid.toFixed(0)} ms  (target < ${OFFLINE_TARGET_MS} ms) ${mark(mid < OFFLINE_TARGET_MS)}`);
  } finally {
    await server.stop();
  }
}

await main();
