// `npm run bench`: seeds 20,000 events into real IndexedDB in headless Chromium through the real core,
// then measures the widget query, a month render and the dashboard's cold first paint, each beside a
// naive baseline in the same run. Prints figures; passes or fails nothing.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { startStaticServer } from './static-server.mjs';

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const appRoot = join(repo, 'dist');
const benchRoot = join(repo, '.tmp', 'bench-dist');
const CHROMIUM = process.env.ALMANAC_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const WIDGET_RUNS = 30;
const NAIVE_WIDGET_RUNS = 5;
const MONTH_RUNS = 10;
const NAIVE_MONTH_RUNS = 3;
const COLD_RUNS = 5;

const log = (line) => process.stdout.write(`${line}\n`);
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => {
  const s = sorted(xs);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
/** Nearest-rank percentile. */
const pct = (xs, p) => {
  const s = sorted(xs);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const ms = (x) => {
  if (!Number.isFinite(x)) return 'n/a';
  return `${x.toFixed(x < 10 ? 2 : x < 100 ? 1 : 0)} ms`;
};

function launch(userDataDir) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    timezoneId: 'Europe/Zurich',
    locale: 'en-GB',
    viewport: { width: 1280, height: 800 },
    // A service worker would serve the second load from its precache: keep every load a network load.
    serviceWorkers: 'block',
  });
}

async function benchPage(context, origin) {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${origin}/bench/bench.html`);
  await page.waitForFunction(() => window.almanacBench !== undefined);
  return page;
}

/** Marks when the Upcoming section first shows an occurrence link (the frame it is painted in). */
function markWidget() {
  const found = () => {
    for (const heading of document.querySelectorAll('h1, h2, h3')) {
      if (heading.textContent?.trim() !== 'Upcoming') continue;
      const section = heading.closest('section');
      if (section?.querySelector('a')) return true;
    }
    return false;
  };
  const observer = new MutationObserver(() => {
    if (!found()) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      window.__widgetVisibleAt = performance.now();
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function coldDashboard(userDataDir, origin, benchScript) {
  const context = await launch(userDataDir);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await page.addInitScript(markWidget);
    await page.goto(`${origin}/`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__widgetVisibleAt !== undefined, null, { timeout: 20_000 });
    const paint = await page.evaluate(() => ({
      widget: window.__widgetVisibleAt,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    }));
    // The naive read timed in this same cold page (the bench bundle injected after the measurement).
    await page.addScriptTag({ url: benchScript, type: 'module' });
    await page.waitForFunction(() => window.almanacBench !== undefined);
    const naive = await page.evaluate(() => window.almanacBench.naiveOnce());
    return { ...paint, naive: naive.ms };
  } finally {
    await context.close();
  }
}

async function main() {
  const started = Date.now();
  if (!existsSync(join(appRoot, 'index.html'))) {
    log('bench: building the app (dist/ is missing)…');
    await build({ root: repo, logLevel: 'warn' });
  }
  log('bench: building the bench page…');
  await build({ configFile: join(repo, 'tests', 'bench', 'vite.config.ts') });
  const benchHtml = readFileSync(join(benchRoot, 'bench.html'), 'utf8');
  const benchScript = /<script[^>]+src="([^"]+)"/.exec(benchHtml)?.[1];
  if (!benchScript) throw new Error('No script in the built bench.html');

  const server = await startStaticServer({ appRoot, benchRoot });
  const userDataDir = mkdtempSync(join(tmpdir(), 'almanac-bench-'));
  try {
    const context = await launch(userDataDir);
    let seed, widget, month;
    try {
      const page = await benchPage(context, server.url);
      page.setDefaultTimeout(240_000);
      log('bench: seeding 20,000 events through putEvents…');
      seed = await page.evaluate(() => window.almanacBench.seed());
      log(`bench: seeded ${seed.events} events, ${seed.occurrences} occurrences in ${ms(seed.ms)}`);
      log('bench: widget query…');
      widget = await page.evaluate(
        ([a, b]) => window.almanacBench.widget(a, b),
        [WIDGET_RUNS, NAIVE_WIDGET_RUNS],
      );
      log('bench: month render…');
      month = await page.evaluate(
        ([a, b]) => window.almanacBench.month(a, b),
        [MONTH_RUNS, NAIVE_MONTH_RUNS],
      );
    } finally {
      await context.close();
    }

    log('bench: cold dashboard loads…');
    const cold = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      try {
        cold.push(await coldDashboard(userDataDir, server.url, benchScript));
      } catch (error) {
        log(
          `bench: cold load ${i + 1} failed: ${error instanceof Error ? error.message.split('\n')[0] : error}`,
        );
      }
    }
    report({ seed, widget, month, cold, seconds: (Date.now() - started) / 1000 });
  } finally {
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
    // Built output is not source: leave nothing for the linters to trip on.
    rmSync(benchRoot, { recursive: true, force: true });
  }
}

function report({ seed, widget, month, cold, seconds }) {
  const ours = (xs) => `${ms(median(xs))} / ${ms(pct(xs, 95))}`;
  const total = (runs) => runs.map((r) => r.totalMs);
  const o = month.ours;
  const n = month.naive;
  const rows = [
    ['measure', 'ours: median / p95', 'naive baseline: median', 'target'],
    [
      `widget query (next ${widget.limit}, ${widget.ours.length} runs)`,
      ours(widget.ours),
      `${ms(median(widget.naive))} (events.toArray + expand); ${ms(median(widget.scan))} (occurrences scan)`,
      '< 10 ms',
    ],
    [
      `month render ${month.date.slice(0, 7)} (${o[0]?.events ?? 0} events, ${o.length} runs)`,
      ours(total(o)),
      `${ms(median(total(n)))} (events.toArray + expand, ${n.length} runs)`,
      '< 300 ms',
    ],
    [
      '  of which data (query + mapping)',
      ours(o.map((r) => r.dataMs)),
      ms(median(n.map((r) => r.dataMs))),
      '',
    ],
    [
      '  of which FullCalendar drawing',
      ours(o.map((r) => r.renderMs)),
      ms(median(n.map((r) => r.renderMs))),
      '',
    ],
    [
      `dashboard: nav start → widget items visible (${cold.length} cold loads)`,
      ours(cold.map((c) => c.widget)),
      `${ms(median(cold.map((c) => c.naive)))} (naive read alone, same cold page)`,
      '< 1 s',
    ],
    ['dashboard: first contentful paint', ours(cold.map((c) => c.fcp)), '', '< 1 s'],
  ];
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => r[col].length)));
  log('');
  log(`Almanac bench — ${seed.events} events (${seed.occurrences} occurrences), seeded in ${ms(seed.ms)}`);
  for (const [i, row] of rows.entries()) {
    log(row.map((cell, col) => cell.padEnd(widths[col])).join('  │  '));
    if (i === 0) log(widths.map((w) => '─'.repeat(w)).join('──┼──'));
  }
  log('');
  log(`paths agree on the next ${widget.limit}: ${widget.agree ? 'yes' : 'NO'}`);
  log(`month view: FullCalendar drew ${o[0]?.drawn ?? 0} event elements (others behind "+N more")`);
  log(`cold loads: first ${ms(cold[0]?.widget)}, all ${cold.map((c) => ms(c.widget)).join(', ')}`);
  log(`bench took ${seconds.toFixed(0)} s`);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
  process.exit(1);
});
