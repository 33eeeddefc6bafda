/**
 * IMAP UID sets as the API writes them (RFC 9051 §9 `sequence-set`, UIDs only): `"7"`, `"1:50"`,
 * `"3,5,9:12"`. `*` is refused: "the highest UID" changes under a client's feet, and Cyrus answers
 * `1:*` wrongly for the highest one (docs/sync-rules.md rule 61), so ranges are always explicit.
 */
const maxUid = 4_294_967_295;
const maxLength = 100_000;
const setPattern = /^\d{1,10}(?::\d{1,10})?(?:,\d{1,10}(?::\d{1,10})?)*$/;

/** The whole UID space, written the way every server answers right (rule 61). */
export const allUids = `1:${maxUid}`;

/** Null when the text is not a UID set the bridge accepts. */
export function parseUidSet(text: string): string | null {
  if (text.length === 0 || text.length > maxLength || !setPattern.test(text)) return null;
  for (const part of text.split(',')) {
    for (const n of part.split(':')) {
      const uid = Number(n);
      if (uid < 1 || uid > maxUid) return null;
    }
  }
  return text;
}

/** Sorted, de-duplicated UIDs written as ranges: [1,2,3,7,9,10] → "1:3,7,9:10" ("" when none). */
export function compactUids(uids: Iterable<number>): string {
  const sorted = [...new Set(uids)].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = sorted[0];
  let previous = start;
  for (const uid of sorted.slice(1).concat(Number.NaN)) {
    if (start === undefined || previous === undefined) break;
    if (uid === previous + 1) {
      previous = uid;
      continue;
    }
    parts.push(start === previous ? String(start) : `${start}:${previous}`);
    start = uid;
    previous = uid;
  }
  return parts.join(',');
}

/** Every UID of a set, for sets a client sent (bounded by the request size). */
export function* expandUidSet(set: string): Generator<number> {
  for (const part of set.split(',')) {
    const [from = 0, to = from] = part.split(':').map(Number);
    for (let uid = Math.min(from, to); uid <= Math.max(from, to); uid += 1) yield uid;
  }
}

/** How many UIDs a set names (ranges counted, not expanded). */
export function countUids(set: string): number {
  let count = 0;
  for (const part of set.split(',')) {
    const [from = 0, to = from] = part.split(':').map(Number);
    count += Math.abs(to - from) + 1;
  }
  return count;
}
