/**
 * docs/sync-rules.md is the one map from rules to code and tests; this keeps it true. Every file it
 * names exists; every test file named under a rule cites that rule; every rule the project cites is
 * in it; every file that cites a rule names docs/sync-rules.md; nothing points at rule documents
 * kept outside the project.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const DOC = 'docs/sync-rules.md';
/** Where citations live: the sources, the tests, the scripts and every Markdown file. */
const SCANNED_DIRS = ['src', 'workers', 'tests', 'scripts', 'docs'] as const;
const SKIPPED_DIRS = new Set(['node_modules', 'fixtures']);
const TEXT_FILE = /\.(?:ts|tsx|mts|js|mjs|md)$/;

interface RuleEntry {
  readonly paths: readonly string[];
  readonly tests: readonly string[];
}

function read(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

function walk(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) found.push(...walk(path));
    } else if (TEXT_FILE.test(entry.name)) {
      found.push(path);
    }
  }
  return found;
}

function projectFiles(): string[] {
  const rootMarkdown = readdirSync(ROOT).filter((name) => name.endsWith('.md'));
  return [...rootMarkdown, ...SCANNED_DIRS.filter((dir) => existsSync(join(ROOT, dir))).flatMap(walk)];
}

/** Rule numbers a text cites: "rule 5", "rules 2, 4 and 14", "rules 9–13", "rule-5 question". */
function citedRules(text: string): Set<number> {
  const cited = new Set<number>();
  const add = (item: string) => {
    const [from, to] = item.split(/[–-]/).map(Number);
    if (from === undefined || Number.isNaN(from)) return;
    for (let n = from; n <= (to ?? from); n += 1) cited.add(n);
  };
  for (const match of text.matchAll(/\brules? (\d+(?:[–-]\d+)?(?:(?:,? and |, )\d+(?:[–-]\d+)?)*)/gi)) {
    for (const item of (match[1] ?? '').split(/,? and |, /)) add(item);
  }
  for (const match of text.matchAll(/\brule-(\d+)/gi)) add(match[1] ?? '');
  return cited;
}

/** The doc's rules by number: the paths each names, and those of its Tests line. */
function readMap(doc: string): Map<number, RuleEntry> {
  const rules = new Map<number, RuleEntry>();
  const sections = doc.split(/^### Rule (\d+) — .*$/m);
  for (let i = 1; i < sections.length; i += 2) {
    // A rule's text ends where the next section's heading ("## IMAP (60–64)") and its intro begin.
    const body = (sections[i + 1] ?? '').split(/^## /m)[0] ?? '';
    const paths = [...body.matchAll(/`((?:src|workers|tests|scripts|docs)\/[^`\s]*)`/g)].map(
      (m) => m[1] ?? '',
    );
    // The "- Tests:" bullet and its indented continuation lines.
    const lines = body.split('\n');
    const start = lines.findIndex((line) => line.startsWith('- Tests:'));
    const bullet: string[] = [];
    for (let j = start; start >= 0 && j < lines.length; j += 1) {
      const line = lines[j] ?? '';
      if (j > start && !line.startsWith('  ')) break;
      bullet.push(line);
    }
    const tests = [...bullet.join(' ').matchAll(/`(tests\/[^`\s]*)`/g)].map((m) => m[1] ?? '');
    rules.set(Number(sections[i]), { paths, tests });
  }
  return rules;
}

const doc = read(DOC);
const map = readMap(doc);

describe('docs/sync-rules.md', () => {
  it('has the rules the project cites, 1–31 and 40–76 (with their gaps), each once', () => {
    const headings = [...doc.matchAll(/^### Rule (\d+) — /gm)].map((m) => Number(m[1]));
    expect(new Set(headings).size).toBe(headings.length);
    expect(headings).toContain(1);
    expect(headings).toContain(31);
    expect(headings).toContain(40);
    expect(headings).toContain(76);
    expect(map.size).toBe(headings.length);
  });

  it('names only files and folders that exist', () => {
    const missing = [...map.entries()].flatMap(([rule, entry]) =>
      entry.paths.filter((path) => !existsSync(join(ROOT, path))).map((path) => `rule ${rule}: ${path}`),
    );
    expect(missing, 'paths named in docs/sync-rules.md').toEqual([]);
  });

  it('names under each rule test files that cite that rule', () => {
    const wrong = [...map.entries()].flatMap(([rule, entry]) =>
      entry.tests
        .filter((path) => existsSync(join(ROOT, path)) && !citedRules(read(path)).has(rule))
        .map((path) => `rule ${rule}: ${path} does not cite it`),
    );
    expect(wrong, 'a test listed under a rule cites it ("rule N" in its header or names)').toEqual([]);
  });

  it('maps every built rule to code and tests', () => {
    const unmapped = [...map.entries()]
      .filter(([, entry]) => entry.paths.length > 0 && entry.tests.length === 0)
      .map(([rule]) => rule);
    expect(unmapped).toEqual([]);
  });

  it('has every rule the project cites, and every citing file names it', () => {
    const unknown: string[] = [];
    const unnamed: string[] = [];
    for (const path of projectFiles()) {
      if (path === DOC) continue;
      const cited = citedRules(read(path));
      if (cited.size === 0) continue;
      for (const rule of cited) if (!map.has(rule)) unknown.push(`${path}: rule ${rule}`);
      if (!read(path).includes(DOC)) unnamed.push(path);
    }
    expect(unknown, 'rules cited but missing from docs/sync-rules.md').toEqual([]);
    expect(unnamed, 'files citing "rule N" without naming docs/sync-rules.md').toEqual([]);
  });

  it('is what the project points at: nothing cites rule documents outside it', () => {
    // Spelled in pieces so this file does not find itself.
    const outside = new RegExp(
      [
        'SYNC' + '-RULES',
        'GRAPH-AND-MAIL' + '-RULES',
        '\\.\\./' + 'shared\\b',
        '/work/' + '(?:shared|main|notes)\\b',
      ].join('|'),
    );
    const offending = projectFiles().filter((path) => outside.test(read(path)));
    expect(offending, 'cite "docs/sync-rules.md rule N" instead').toEqual([]);
  });
});

describe('citedRules', () => {
  it('reads single rules, lists, ranges and the rule-N form', () => {
    expect([...citedRules('rule 5; rules 2, 4 and 14; rules 9–13; the rule-5 question; Rule 16')]).toEqual([
      5, 2, 4, 14, 9, 10, 11, 12, 13, 16,
    ]);
    expect(citedRules('an RRULE with 3 parts, a schedule rule').size).toBe(0);
  });
});
