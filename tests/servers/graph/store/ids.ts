/**
 * Identifiers shaped like Graph's, from a seeded source so a seed replays the same mailbox:
 * REST ids are URL-safe base64 (`AAMkAD…AAA=`) and case-sensitive; change keys are plain base64;
 * iCalUIds are Exchange GlobalObjectIds in hex (class id, instance date, creation time, data), the
 * instance date being zero on a master and the occurrence's date on an occurrence — which is why
 * "This ID is different for each occurrence in a recurring series" (event resource type).
 * Occurrence ids are derived from the master id and the original start, so they never change.
 */
import type { Wall } from '../time/wall-clock';

const CLASS_ID = '040000008200E00074C5B7101A82E008';
const OCCURRENCE_PREFIX = 'AAMkOC';
const FILETIME_EPOCH_OFFSET = 11_644_473_600_000n;

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex').toUpperCase();

export class IdFactory {
  readonly #random: () => number;

  constructor(random: () => number) {
    this.#random = random;
  }

  bytes(count: number): Uint8Array {
    const out = new Uint8Array(count);
    for (let i = 0; i < count; i += 1) out[i] = Math.floor(this.#random() * 256);
    return out;
  }

  eventId(): string {
    return `AAMkAD${Buffer.from(this.bytes(36)).toString('base64url')}AAA=`;
  }

  calendarId(): string {
    return `AAMkAGI2${Buffer.from(this.bytes(24)).toString('base64url')}AAA=`;
  }

  changeKey(): string {
    return Buffer.from(this.bytes(16)).toString('base64');
  }

  guid(): string {
    const h = hex(this.bytes(16)).toLowerCase();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /** A master's or single event's iCalUId, created at `createdMs`. */
  iCalUId(createdMs: number): string {
    const filetime = (BigInt(createdMs) + FILETIME_EPOCH_OFFSET) * 10_000n;
    const time = Buffer.alloc(8);
    time.writeBigUInt64LE(filetime);
    return `${CLASS_ID}00000000${hex(time)}000000000000000010000000${hex(this.bytes(16))}`;
  }
}

/** The iCalUId of an occurrence: the master's with the occurrence's date (YH YL M D) in it. */
export function occurrenceICalUId(masterUid: string, date: Wall): string {
  const instance = Buffer.from([date.year >> 8, date.year & 0xff, date.month, date.day]);
  return `${masterUid.slice(0, 32)}${hex(instance)}${masterUid.slice(40)}`;
}

export function occurrenceId(masterId: string, originalStartMs: number): string {
  return OCCURRENCE_PREFIX + Buffer.from(`${masterId}\u0000${originalStartMs}`, 'utf8').toString('base64url');
}

export function parseOccurrenceId(id: string): { masterId: string; originalStartMs: number } | null {
  if (!id.startsWith(OCCURRENCE_PREFIX)) return null;
  const text = Buffer.from(id.slice(OCCURRENCE_PREFIX.length), 'base64url').toString('utf8');
  const cut = text.lastIndexOf('\u0000');
  const originalStartMs = Number(text.slice(cut + 1));
  if (cut <= 0 || !Number.isSafeInteger(originalStartMs)) return null;
  if (occurrenceId(text.slice(0, cut), originalStartMs) !== id) return null;
  return { masterId: text.slice(0, cut), originalStartMs };
}

export const etagOf = (changeKey: string) => `W/"${changeKey}"`;

/** True when an If-Match value names this change key (`*`, `W/"ck"` or `"ck"`). */
export function etagMatches(ifMatch: string, changeKey: string): boolean {
  return ifMatch
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag.replace(/^W\//, '').replace(/^"(.*)"$/, '$1') === changeKey);
}
