import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../../fixtures/ics/', import.meta.url));

/** The text of `tests/fixtures/ics/<name>`. */
export function fixture(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, 'utf8');
}

/** Epoch ms of an ISO instant, for readable expectations. */
export const at = (iso: string): number => Date.parse(iso);

export const iso = (ms: number): string => new Date(ms).toISOString();

/** The bytes of `tests/fixtures/ics/<name>`, for fixtures that are not valid UTF-8 line by line. */
export function fixtureBytes(name: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(`${FIXTURES}${name}`));
}
