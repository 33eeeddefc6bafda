import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface PageScores {
  readonly url: string;
  /** 0–100 per category. */
  readonly scores: Readonly<Record<Category, number>>;
  /** Audits that lost points (score < 1), by category, with Lighthouse's own title and value. */
  readonly failing: Readonly<Record<Category, readonly string[]>>;
  /** Lighthouse could not measure the page (its scores are then 0): its code and message. */
  readonly runtimeError: string | null;
}

const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/**
 * ALMANAC_LH_REPORTS=<dir> keeps each run's full JSON report there (for 'bootup-time', 'long-tasks',
 * 'largest-contentful-paint-element' and the like), named by form factor, page and time.
 */
function keepReport(url: string, formFactor: string, report: string | string[]): void {
  const dir = process.env['ALMANAC_LH_REPORTS'];
  if (dir === undefined || dir === '') return;
  mkdirSync(dir, { recursive: true });
  const page = new URL(url).pathname.split('/')[1] || 'dashboard';
  const json = Array.isArray(report) ? (report[0] ?? '') : report;
  writeFileSync(join(dir, `${formFactor}-${page}-${Date.now()}.json`), json);
}

export const FormFactor = { mobile: 'mobile', desktop: 'desktop' } as const;
export type FormFactor = (typeof FormFactor)[keyof typeof FormFactor];

/**
 * One Lighthouse run in a fresh Chromium: `mobile` is Lighthouse's default (a mid-range phone on slow
 * 4G, simulated), `desktop` its desktop preset.
 */
export async function lighthouseScores(
  url: string,
  chromePath: string,
  formFactor: FormFactor,
): Promise<PageScores> {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
      formFactor === FormFactor.desktop ? desktopConfig : undefined,
    );
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    keepReport(url, formFactor, result.report);
    const scores = {} as Record<Category, number>;
    const failing = {} as Record<Category, string[]>;
    for (const id of CATEGORIES) {
      const category = lhr.categories[id];
      scores[id] = Math.round((category?.score ?? 0) * 100);
      failing[id] = (category?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0)
        .map((ref) => lhr.audits[ref.id])
        .filter((audit) => audit !== undefined && audit.score !== null && audit.score < 1)
        .map((audit) => `${audit?.title ?? ''}${audit?.displayValue ? ` (${audit.displayValue})` : ''}`);
    }
    const runtimeError = lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : null;
    return { url, scores, failing, runtimeError };
  } finally {
    chrome.kill();
  }
}
