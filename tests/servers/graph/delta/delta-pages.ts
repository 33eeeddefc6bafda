/**
 * A round's rows cut into pages of `Prefer: odata.maxpagesize` (10 by default). With the switches
 * on, empty pages come first and the deltaLink comes on an empty page of its own ("a nextLink page
 * may be empty", "Use delta query…"), and every page repeats its first row at its end.
 */
import type { DeltaBehaviour } from '../control/fault-switches';
import type { DeltaEntry } from './delta-memory';

export const DEFAULT_DELTA_PAGE = 10;

export function paginate(
  entries: readonly DeltaEntry[],
  size: number,
  behaviour: DeltaBehaviour,
): DeltaEntry[][] {
  const pages: DeltaEntry[][] = [];
  for (let i = 0; i < entries.length; i += size) {
    const page = entries.slice(i, i + size);
    const first = page[0];
    pages.push(behaviour.duplicates && first ? [...page, first] : page);
  }
  const empties = Array.from({ length: behaviour.emptyPages }, (): DeltaEntry[] => []);
  if (behaviour.emptyPages > 0) return [...empties, ...pages, []];
  return pages.length > 0 ? pages : [[]];
}
