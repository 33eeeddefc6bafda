import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests against the built app (`vite build` runs first, in `npm run test:e2e`), served by
 * `vite preview`, in Debian's Chromium: Playwright's own browser download cannot reach its CDN here
 * (scripts/ensure-chromium.mjs installs the distribution's package instead).
 * Every test gets a fresh browser context, hence a fresh, empty IndexedDB.
 */
const CI = Boolean(process.env['CI']);
// ALMANAC_E2E_PORT (with ALMANAC_OUT_DIR for the build) lets two runs share a machine.
const PORT = Number(process.env['ALMANAC_E2E_PORT'] ?? 4173);
const BASE_URL = `http://127.0.0.1:${PORT}`;

export const CHROMIUM_PATH = process.env['ALMANAC_CHROMIUM'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  forbidOnly: CI,
  workers: 2,
  // No retries: a test that fails sometimes is a bug, in the code or in the test.
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  // `list`, then one closing line with all the counts (tests/e2e/support/summary-reporter.ts).
  reporter: [['list'], ['./tests/e2e/support/summary-reporter.ts']],
  // ALMANAC_E2E_OUTPUT keeps side-by-side runs from wiping each other's results.
  outputDir: process.env['ALMANAC_E2E_OUTPUT'] ?? 'test-results',
  use: {
    baseURL: BASE_URL,
    timezoneId: 'Europe/Zurich',
    locale: 'en-GB',
    trace: 'retain-on-failure',
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        // Desktop Chrome's device preset carries its own locale-free viewport; keep ours explicit.
        viewport: { width: 1280, height: 800 },
        launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
      },
    },
  ],
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort`,
    url: BASE_URL,
    reuseExistingServer: !CI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
