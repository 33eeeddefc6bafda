/**
 * `npm run bench:lighthouse`: Lighthouse (performance, accessibility, best practices) on the dashboard
 * and the agenda of the built app served by scripts/serve.mjs in Debian's Chromium (mobile, which is
 * Lighthouse's default, and its desktop preset), then the offline cold start to a visible agenda
 * (median of 5). Prints figures beside the targets; fails nothing. bench-options.ts narrows or repeats.
 */
import { benchOptions } from './bench-options';
import {
  CATEGORIES,
  FormFactor,
  lighthouseScores,
  type Category,
  type PageScores,
} from './lighthouse-scores';
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
const PAGES = [
  { name: 'dashboard', path: '/' },
  { name: 'agenda', path: AGENDA },
];

const log = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};
const mark = (ok: boolean): string => (ok ? 'ok' : 'MISSED');

/** "87" for one run; "87 (83–93)" for several: the median, then the range. */
function figure(values: readonly number[]): string {
  const mid = String(Math.round(median(values))).padStart(3);
  if (values.length === 1) return mid;
  return `${mid} (${String(Math.min(...values))}–${String(Math.max(...values))})`;
}

function printResults(results: readonly PageScores[]): void {
  for (const result of results) {
    // Its 0s are Lighthouse failing to measure (often a timeout on a loaded machine), not the page:
    // such a run is left out of the figures.
    if (result.runtimeError !== null) log(`    not measured: ${result.runtimeError}`);
  }
  const measured = results.filter((result) => result.runtimeError === null);
  // The audits that lost points are those of the median run (by performance), not a mix of runs.
  const byPerformance = [...measured].sort((a, b) => a.scores.performance - b.scores.performance);
  const middle = byPerformance[Math.floor(byPerformance.length / 2)];
  if (middle === undefined) return;
  for (const category of CATEGORIES) {
    const values = measured.map((result) => result.scores[category]);
    const target = TARGETS[category];
    log(`    ${category.padEnd(15)} ${figure(values)}  (target ${target}) ${mark(median(values) >= target)}`);
    for (const audit of middle.failing[category]) log(`        - ${audit}`);
  }
}

async function main(): Promise<void> {
  const options = benchOptions(process.env, PAGES);
  const server = await serveBuiltApp();
  try {
    log(`Lighthouse on the built app at ${server.origin}, Chromium ${CHROME_PATH}`);
    if (options.runs > 1) log(`${options.runs} runs each: median (min–max)`);
    for (const formFactor of options.formFactors) {
      log(`\n${formFactor === FormFactor.mobile ? 'Mobile (simulated slow 4G, 4x CPU)' : 'Desktop preset'}`);
      for (const page of options.pages) {
        const results: PageScores[] = [];
        for (let run = 0; run < options.runs; run += 1) {
          results.push(await lighthouseScores(`${server.origin}${page.path}`, CHROME_PATH, formFactor));
        }
        log(`  ${page.path}`);
        printResults(results);
      }
    }
    if (!options.offline) return;
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
