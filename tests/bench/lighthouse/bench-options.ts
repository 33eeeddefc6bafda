import { FormFactor } from './lighthouse-scores';

/** What to measure: every page and form factor once, plus the offline start, unless narrowed. */
export interface BenchOptions {
  /** Lighthouse runs per page and form factor; more than one prints the median and the range. */
  readonly runs: number;
  readonly pages: readonly BenchPage[];
  readonly formFactors: readonly FormFactor[];
  readonly offline: boolean;
}

export interface BenchPage {
  readonly name: string;
  readonly path: string;
}

function list(value: string | undefined): string[] | null {
  if (value === undefined || value.trim() === '') return null;
  return value.split(',').map((item) => item.trim());
}

/**
 * From the environment: ALMANAC_LH_RUNS=3 (the machine is noisy: compare medians),
 * ALMANAC_LH_PAGES=agenda and ALMANAC_LH_FORM_FACTORS=mobile to narrow the work while tuning one page,
 * ALMANAC_LH_OFFLINE=0 to skip the offline cold start.
 */
export function benchOptions(env: NodeJS.ProcessEnv, pages: readonly BenchPage[]): BenchOptions {
  const runs = Math.max(1, Math.floor(Number(env['ALMANAC_LH_RUNS'] ?? 1)) || 1);
  const pageNames = list(env['ALMANAC_LH_PAGES']);
  const factors = list(env['ALMANAC_LH_FORM_FACTORS']);
  const allFactors = [FormFactor.mobile, FormFactor.desktop];
  return {
    runs,
    pages: pageNames === null ? pages : pages.filter((page) => pageNames.includes(page.name)),
    formFactors: factors === null ? allFactors : allFactors.filter((factor) => factors.includes(factor)),
    offline: env['ALMANAC_LH_OFFLINE'] !== '0',
  };
}
