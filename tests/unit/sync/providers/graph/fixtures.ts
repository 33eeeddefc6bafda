/** Graph JSON fixtures by scenario (tests/fixtures/graph/), read as JSON. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../../../../fixtures/graph/', import.meta.url));

export function graphFixture(name: string): unknown {
  return JSON.parse(readFileSync(`${FIXTURES}${name}.json`, 'utf8')) as unknown;
}
