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
