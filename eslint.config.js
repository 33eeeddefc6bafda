// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import solid from 'eslint-plugin-solid/configs/typescript';

const focusedTests = {
  selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]",
  message: 'Focused tests silence the rest of the suite.',
};

/*
 * The architecture's "never" imports (ARCHITECTURE.md, "Import boundaries"), as lint errors:
 * the core knows no page and no worker, the workers know no screen, and the page reaches the sync
 * worker only through the contract (src/core/sync/sync-api.ts over Comlink). Code two sides need
 * lives in src/core.
 *
 * ESLint's no-restricted-imports reads an import as written, not the file it resolves to, so each
 * forbidden folder is spelled as it is reached from each depth (from src/core/sync/x.ts, src/lib is
 * `../../lib` or `../../../src/lib`), and a relative import must be written in its shortest form
 * (no `./..`, `dir/..` or `//`) so no other spelling slips through. Dynamic `import()` and
 * `typeof import()` types are not seen by that rule: no-restricted-syntax checks them with the
 * same lists. tests/unit/architecture/import-boundaries.test.ts proves the rules bite and that
 * every source file is covered.
 */

/** Folders below an area's own folder that the rules reach (the deepest today is 2). */
const BOUNDARY_DEPTH = 6;
const PAGE_FOLDERS = ['src/app', 'src/pages', 'src/components', 'src/lib'];
const SOURCE_FILES = '*.{ts,tsx}';

/** A relative import that is not in its shortest form: `./..`, a `.` segment, `dir/..`, `//`. */
const UNNORMALISED = String.raw`^\./\.\.(?:/|$)|.+/\.(?:/|$)|(?:^|/)(?!\.\.?/)[^/]+/\.\.(?:/|$)|//`;
const UNNORMALISED_MESSAGE =
  'Write relative imports in their shortest form (no "./..", "dir/.." or "//"): the import boundaries ' +
  '(ARCHITECTURE.md) read each import as written.';

const boundaries = [
  {
    places: [{ dir: 'src/core' }],
    forbidden: [...PAGE_FOLDERS, 'workers'],
    packages: [
      'solid-js',
      '@solidjs/*',
      'comlink',
      'fullcalendar',
      '@fullcalendar/*',
      'workbox-*',
      '@azure/msal-*',
    ],
    message:
      'src/core is platform-free and shared by the page and the workers: it imports no page code (src/app, ' +
      'src/pages, src/components, src/lib), no worker code (workers/) and no DOM, UI or runtime glue (Solid, ' +
      'Comlink, FullCalendar, Workbox, MSAL). Keep that code in src/lib or workers/ and pass what the core ' +
      'needs in (ARCHITECTURE.md, Import boundaries).',
  },
  {
    places: [{ dir: 'workers/sync' }, { dir: 'workers', file: 'sync.worker.ts' }],
    forbidden: PAGE_FOLDERS,
    packages: ['solid-js', '@solidjs/*', 'fullcalendar', '@fullcalendar/*', '@azure/msal-*'],
    message:
      'The sync worker (workers/sync.worker.ts, workers/sync/) knows no screen: it imports no page code ' +
      '(src/app, src/pages, src/components, src/lib) and no Solid, FullCalendar or MSAL (the page signs in ' +
      'and hands tokens over the contract). Put what the page and the worker share in src/core ' +
      '(ARCHITECTURE.md, Import boundaries).',
  },
  {
    places: [{ dir: 'workers/sw' }, { dir: 'workers', file: 'sw.ts' }],
    forbidden: PAGE_FOLDERS,
    packages: ['solid-js', '@solidjs/*', 'fullcalendar', '@fullcalendar/*', '@azure/msal-*'],
    message:
      'The service worker (workers/sw.ts, workers/sw/) imports no page code (src/app, src/pages, ' +
      'src/components, src/lib) and no Solid, FullCalendar or MSAL (it never signs in). Put what the page ' +
      'and the service worker share in src/core, as src/core/pwa/ (ARCHITECTURE.md, Import boundaries).',
  },
  {
    places: [{ dir: 'src', except: 'src/core/**' }],
    forbidden: ['workers'],
    packages: [],
    message:
      'The page imports nothing from workers/: it reaches the sync worker only through the contract ' +
      'src/core/sync/sync-api.ts over Comlink (src/lib/sync-client.ts creates the worker with ' +
      'new Worker(new URL(...)), which is not an import). Put what the page and a worker share in src/core ' +
      '(ARCHITECTURE.md, Import boundaries).',
  },
];

/**
 * Every shortest-or-from-an-ancestor spelling of `target` (a folder, from the repository root) in a
 * file `depth` folders below `dir`: from src/core/a/x.ts, src/lib is `../../lib` and `../../../src/lib`.
 * @param {string} dir
 * @param {number} depth
 * @param {string} target
 */
function spellings(dir, depth, target) {
  if (target.startsWith(`${dir}/`)) throw new Error(`${target} is inside ${dir}: spell it per folder.`);
  const parts = dir.split('/');
  const down = '../'.repeat(depth);
  const found = [];
  for (let shared = parts.length - 1; shared >= 0; shared -= 1) {
    const ancestor = parts.slice(0, shared).join('/');
    if (ancestor !== '' && !target.startsWith(`${ancestor}/`)) continue;
    const rest = ancestor === '' ? target : target.slice(ancestor.length + 1);
    found.push(`${down}${'../'.repeat(parts.length - shared)}${rest}`);
  }
  return found;
}

/** @param {string} text */
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * no-restricted-imports and no-restricted-syntax (dynamic imports, `typeof import()`) for one place
 * and depth. The syntax rule keeps the focused-test selector every file has.
 * @param {(typeof boundaries)[number]} boundary
 * @param {string[]} folders the forbidden folders as spelled from there
 */
function restrictions(boundary, folders) {
  const group = [
    ...folders.flatMap((folder) => [folder, `${folder}/**`]),
    ...boundary.packages.flatMap((name) => [`/${name}`, `/${name}/**`]),
  ];
  const alternatives = [
    ...folders.map(escapeRegex),
    ...boundary.packages.map((name) => escapeRegex(name).replaceAll('\\*', '[^/]*')),
  ];
  // esquery regex literals end at the first `/`, so slashes are written \x2F.
  const esquery = (source) => `/${source.replaceAll('/', String.raw`\x2F`)}/i`;
  const forbidden = esquery(`^(?:${alternatives.join('|')})(?:/|$)`);
  const unnormalised = esquery(UNNORMALISED);
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group, message: boundary.message },
          { regex: UNNORMALISED, message: UNNORMALISED_MESSAGE },
        ],
      },
    ],
    'no-restricted-syntax': [
      'error',
      focusedTests,
      { selector: `ImportExpression[source.value=${forbidden}]`, message: boundary.message },
      { selector: `TSImportType[source.value=${forbidden}]`, message: boundary.message },
      { selector: `ImportExpression[source.value=${unnormalised}]`, message: UNNORMALISED_MESSAGE },
      { selector: `TSImportType[source.value=${unnormalised}]`, message: UNNORMALISED_MESSAGE },
    ],
  };
}

/** One config block per place and depth (a file at that depth can spell a folder only one way). */
const importBoundaries = boundaries.flatMap((boundary) =>
  boundary.places.flatMap(({ dir, file, except }) => {
    const depths = file === undefined ? [...Array(BOUNDARY_DEPTH + 1).keys()] : [0];
    return depths.map((depth) => ({
      files: [`${dir}/${'*/'.repeat(depth)}${file ?? SOURCE_FILES}`],
      ...(except === undefined ? {} : { ignores: [except] }),
      rules: restrictions(
        boundary,
        boundary.forbidden.flatMap((target) => spellings(dir, depth, target)),
      ),
    }));
  }),
);

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dev-dist',
      'dist-proxy',
      'dist-*',
      '.tmp',
      'node_modules',
      'test-results',
      'playwright-report',
      'scripts',
      'tests/bench/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      'no-restricted-syntax': ['error', focusedTests],
    },
  },
  { files: ['src/**/*.tsx'], ...solid },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
  ...importBoundaries,
);
