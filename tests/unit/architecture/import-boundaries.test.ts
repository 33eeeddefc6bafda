import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The architecture's "never" imports are lint errors (eslint.config.js, ARCHITECTURE.md "Import
 * boundaries"): bad imports at paths inside each area are refused with the area's message, good ones
 * pass, and every source file of an area gets the rules whatever its depth.
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));
const boundaryRules = new Set(['no-restricted-imports', 'no-restricted-syntax']);

// The real config; only the type-aware program is left out, because the snippets are linted at paths
// that do not exist (the project service refuses those) and these two rules need no types.
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: 'eslint.config.js',
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  ruleFilter: ({ ruleId }) => boundaryRules.has(ruleId),
});

// Loading the config imports typescript-eslint and TypeScript, once: 3-4 s on an idle machine, more
// under load, so it gets its own budget rather than eating the first test's.
beforeAll(async () => {
  await eslint.lintText('', { filePath: 'src/core/probe.ts' });
}, 60_000);

/** What each area's message starts with (eslint.config.js). */
const Area = {
  core: 'src/core is platform-free',
  syncWorker: 'The sync worker',
  serviceWorker: 'The service worker',
  page: 'The page imports nothing from workers/',
  spelling: 'Write relative imports in their shortest form',
} as const;
type Area = (typeof Area)[keyof typeof Area];

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  if (!result) throw new Error(`ESLint returned nothing for ${filePath}`);
  return result.messages.map((message) => `${message.ruleId ?? 'fatal'}: ${message.message}`);
}

async function expectRefused(filePath: string, code: string, area: Area): Promise<void> {
  const found = await problems(filePath, code);
  expect(found, `${filePath}: ${code}`).toHaveLength(1);
  expect(found[0]).toContain(area);
}

async function expectAllowed(filePath: string, code: string): Promise<void> {
  expect(await problems(filePath, code), `${filePath}: ${code}`).toEqual([]);
}

describe('src/core imports no page, no worker and no UI or runtime glue', () => {
  it.each([
    ['src/core/sync/probe.ts', "import { db } from '../../lib/db';"],
    ['src/core/sync/probe.ts', "import { db } from '../../../src/lib/db';"],
    ['src/core/probe.ts', "import { t } from '../lib/i18n/locale';"],
    ['src/core/agenda/commands/probe.ts', "import { App } from '../../../app/App';"],
    ['src/core/ical/probe.ts', "import { Dialog } from '../../components/Dialog';"],
    ['src/core/events/probe.ts', "export { AgendaPage } from '../../pages/agenda/AgendaPage';"],
    [
      'src/core/sync/probe.ts',
      "import { createWorkerSyncService } from '../../../workers/sync/sync-service';",
    ],
    ['src/core/probe.ts', "export * from '../../workers/sw/messages';"],
    ['src/core/settings/probe.ts', "import { createSignal } from 'solid-js';"],
    ['src/core/settings/probe.ts', "import { render } from 'solid-js/web';"],
    ['src/core/sync/probe.ts', "import * as Comlink from 'comlink';"],
    ['src/core/occurrences/probe.ts', "import { Calendar } from '@fullcalendar/core';"],
    ['src/core/pwa/probe.ts', "import { Workbox } from 'workbox-window';"],
    ['src/core/accounts/probe.ts', "import { PublicClientApplication } from '@azure/msal-browser';"],
    ['src/core/sync/probe.ts', "export const load = () => import('../../lib/db');"],
    ['src/core/sync/probe.ts', "export type Db = typeof import('../../lib/db');"],
    ['src/core/sync/probe.ts', "export const load = () => import('comlink');"],
  ])('%s: %s', async (filePath, code) => {
    await expectRefused(filePath, code, Area.core);
  });

  it.each([
    ['src/core/sync/probe.ts', "import { AppError } from '../errors';"],
    ['src/core/sync/probe.ts', "import { AppError } from '../../core/errors';"],
    ['src/core/pwa/probe.ts', "import { LaunchRoute } from './launch-routes';"],
    ['src/core/ical/probe.ts', "import ICAL from 'ical.js';"],
    ['src/core/db/probe.ts', "import { Dexie } from 'dexie';"],
    // A folder of the core that happens to be called lib is the core's own.
    ['src/core/sync/probe.ts', "import { x } from './lib/x';"],
  ])('%s: %s is allowed', async (filePath, code) => {
    await expectAllowed(filePath, code);
  });
});

describe('the sync worker knows no screen', () => {
  it.each([
    ['workers/sync.worker.ts', "import { registerComlinkErrorHandlers } from '../src/lib/comlink-errors';"],
    ['workers/sync/probe.ts', "import { pageContext } from '../../src/lib/db';"],
    ['workers/sync/engine/probe.ts', "import { t } from '../../../src/lib/i18n/locale';"],
    ['workers/sync/providers/graph/probe.ts', "import { Shell } from '../../../../src/app/Shell';"],
    [
      'workers/sync/scheduler/probe.ts',
      "export const load = () => import('../../../src/pages/agenda/AgendaPage');",
    ],
    ['workers/sync/engine/probe.ts', "import { createSignal } from 'solid-js';"],
    [
      'workers/sync/providers/graph/probe.ts',
      "import { PublicClientApplication } from '@azure/msal-browser';",
    ],
  ])('%s: %s', async (filePath, code) => {
    await expectRefused(filePath, code, Area.syncWorker);
  });

  it.each([
    ['workers/sync.worker.ts', "import * as Comlink from 'comlink';"],
    [
      'workers/sync.worker.ts',
      "import { registerAppErrorTransfer } from '../src/core/sync/app-error-transfer';",
    ],
    [
      'workers/sync/engine/probe.ts',
      "import { createSyncLogWriter } from '../../../src/core/sync/sync-log';",
    ],
    ['workers/sync/providers/caldav/probe.ts', "import { DAVClient } from 'tsdav';"],
  ])('%s: %s is allowed', async (filePath, code) => {
    await expectAllowed(filePath, code);
  });
});

describe('the service worker imports no page code', () => {
  it.each([
    ['workers/sw.ts', "import { registerServiceWorker } from '../src/lib/pwa/register';"],
    ['workers/sw/probe.ts', "import { consumeLaunches } from '../../src/lib/pwa/launch-queue';"],
    ['workers/sw/probe.ts', "import { UpdatePrompt } from '../../src/components/pwa/UpdatePrompt';"],
    ['workers/sw/probe.ts', "import { createSignal } from 'solid-js';"],
  ])('%s: %s', async (filePath, code) => {
    await expectRefused(filePath, code, Area.serviceWorker);
  });

  it.each([
    ['workers/sw/probe.ts', "import { LaunchRoute } from '../../src/core/pwa/launch-routes';"],
    ['workers/sw/probe.ts', "import { runBackgroundSync } from '../sync/background-sync';"],
    ['workers/sw.ts', "import { precacheAndRoute } from 'workbox-precaching';"],
  ])('%s: %s is allowed', async (filePath, code) => {
    await expectAllowed(filePath, code);
  });
});

describe('the page reaches the workers only through the contract', () => {
  it.each([
    ['src/pages/agenda/probe.tsx', "import { runSync } from '../../../workers/sync/engine/sync-run';"],
    ['src/lib/probe.ts', "import type { WorkerSyncService } from '../../workers/sync/sync-service';"],
    ['src/lib/probe.ts', "import '../../workers/sync.worker';"],
    ['src/components/sync/probe.tsx', "import { SwMessage } from '../../../workers/sw/messages';"],
    ['src/app/probe.ts', "export const load = () => import('../../workers/sync/sync-service');"],
    ['src/probe.ts', "import { createProxiedFetch } from '../workers/sync/proxied-fetch';"],
  ])('%s: %s', async (filePath, code) => {
    await expectRefused(filePath, code, Area.page);
  });

  it.each([
    ['src/lib/probe.ts', "import type { SyncApi } from '../core/sync/sync-api';"],
    ['src/lib/probe.ts', "import * as Comlink from 'comlink';"],
    [
      'src/pages/settings/accounts/probe.ts',
      "import { PublicClientApplication } from '@azure/msal-browser';",
    ],
    [
      'src/lib/probe.ts',
      "export const worker = new Worker(new URL('../../workers/sync.worker.ts', import.meta.url), { type: 'module' });",
    ],
  ])('%s: %s is allowed', async (filePath, code) => {
    await expectAllowed(filePath, code);
  });
});

describe('a relative import is written in its shortest form, so no spelling slips past the rules', () => {
  it.each([
    ['src/core/sync/probe.ts', "import { db } from './../../lib/db';"],
    ['src/core/sync/probe.ts', "import { db } from '../sync/../../lib/db';"],
    ['src/core/sync/probe.ts', "import { db } from '../.././../lib/db';"],
    ['workers/sync/probe.ts', "import { db } from '../..//src/lib/db';"],
    ['src/pages/probe.ts', "export const load = () => import('../pages/../../workers/sync/sync-service');"],
  ])('%s: %s', async (filePath, code) => {
    await expectRefused(filePath, code, Area.spelling);
  });
});

/** Every .ts/.tsx file under src/ and workers/, from the repository root. */
function sourceFiles(): string[] {
  return ['src', 'workers'].flatMap((top) =>
    readdirSync(`${root}${top}`, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => `${top}/${file.replaceAll('\\', '/')}`),
  );
}

function areaOf(file: string): Area | undefined {
  if (file.startsWith('src/core/')) return Area.core;
  if (file.startsWith('src/')) return Area.page;
  if (file === 'workers/sync.worker.ts' || file.startsWith('workers/sync/')) return Area.syncWorker;
  if (file === 'workers/sw.ts' || file.startsWith('workers/sw/')) return Area.serviceWorker;
  return undefined;
}

/** `[2, { patterns: [{ message }, …] }]`: the rule on as an error, with an area's message first. */
function isBoundaryConfig(value: unknown): value is [2, { patterns: [{ message: string }] }] {
  if (!Array.isArray(value) || value.length !== 2 || value[0] !== 2) return false;
  const options: unknown = value[1];
  if (typeof options !== 'object' || options === null || !('patterns' in options)) return false;
  const patterns: unknown = options.patterns;
  return (
    Array.isArray(patterns) && typeof (patterns[0] as { message?: unknown } | undefined)?.message === 'string'
  );
}

describe('every source file gets its area rules', () => {
  it('covers each file of src/ and workers/sync, workers/sw at its depth', async () => {
    const files = sourceFiles().filter((file) => areaOf(file) !== undefined);
    expect(files.length).toBeGreaterThan(300);
    const uncovered: string[] = [];
    for (const file of files) {
      const config = (await eslint.calculateConfigForFile(file)) as { rules?: Record<string, unknown> };
      const rule = config.rules?.['no-restricted-imports'];
      if (!isBoundaryConfig(rule) || !rule[1].patterns[0].message.startsWith(areaOf(file) ?? '')) {
        uncovered.push(file);
      }
    }
    expect(uncovered).toEqual([]);
  });
});
