/**
 * Bytes that carry iCalendar (an .ics file, a feed, a CalDAV answer) to text, mending line folds that
 * fall inside a UTF-8 character.
 *
 * RFC 5545 §3.1 folds lines at 75 octets, "taking care not to split a multi-octet UTF-8 character",
 * and unfolding must bring the original octets back; some writers split one anyway. Decoded first, the
 * two halves are two U+FFFD and the character is lost, whatever unfolds the text afterwards. So the
 * unfolding of those folds happens here, on the bytes, before decoding: a fold ([CR] LF and one space
 * or tab) whose bytes before it are an unfinished UTF-8 sequence and after it a continuation byte is
 * removed. Every other fold is left for ical.js, which unfolds text as it parses; the text keeps the
 * lines it was sent with (line numbers in import problems; a server's raw object, docs/sync-rules.md
 * rules 26 and 30).
 *
 * The bytes joined are invalid UTF-8 where they stand, so no well-formed text contains them: the same
 * function is safe on a whole XML answer around calendar-data (workers/sync/providers/caldav/transport.ts), where
 * the CR of a fold may also be written as a character reference (SabreDAV writes `&#13;`).
 */

const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;
const AMPERSAND = 0x26;
const HASH = 0x23;
const SEMICOLON = 0x3b;

function isContinuation(byte: number | undefined): boolean {
  return byte !== undefined && (byte & 0xc0) === 0x80;
}

/** How many bytes a UTF-8 sequence led by `lead` has (2–4); 0 when `lead` leads none. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** True when `bytes[0, end)` ends inside a UTF-8 sequence: its lead byte is there, not all its bytes. */
function endsMidSequence(bytes: Uint8Array, end: number): boolean {
  let continuations = 0;
  while (continuations < 3 && isContinuation(bytes[end - continuations - 1])) continuations += 1;
  const lead = bytes[end - continuations - 1];
  return lead !== undefined && sequenceLength(lead) > continuations + 1;
}

function digitValue(byte: number, radix: 10 | 16): number | null {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  const lower = byte | 0x20;
  return radix === 16 && lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : null;
}

/** Length of the character `code` at `at`: the byte itself, or an XML reference (`&#13;`, `&#xD;`); 0 if neither. */
function characterLength(bytes: Uint8Array, at: number, code: number): number {
  if (bytes[at] === code) return 1;
  if (bytes[at] !== AMPERSAND || bytes[at + 1] !== HASH) return 0;
  const hex = bytes[at + 2] === 0x78 || bytes[at + 2] === 0x58; // x or X
  const radix = hex ? 16 : 10;
  let index = at + (hex ? 3 : 2);
  let value = 0;
  for (let digits = 0; digits < 8; digits += 1) {
    const digit = digitValue(bytes[index] ?? 0, radix);
    if (digit === null) break;
    value = value * radix + digit;
    index += 1;
  }
  const read = index > at + (hex ? 3 : 2);
  return read && bytes[index] === SEMICOLON && value === code ? index + 1 - at : 0;
}

/** Length of a fold at `at` — [CR] LF then one space or tab — or 0. */
function foldLength(bytes: Uint8Array, at: number): number {
  const cr = characterLength(bytes, at, CR);
  const lf = characterLength(bytes, at + cr, LF);
  if (lf === 0) return 0;
  const blank = bytes[at + cr + lf];
  return blank === SPACE || blank === TAB ? cr + lf + 1 : 0;
}

/** `bytes` without the folds that split a UTF-8 sequence (the same array when there is none). */
export function joinSplitCharacters(bytes: Uint8Array): Uint8Array {
  let out: Uint8Array | null = null;
  let length = 0;
  for (let index = 0; index < bytes.length;) {
    const byte = bytes[index] ?? 0;
    if (byte === CR || byte === LF || byte === AMPERSAND) {
      const fold = foldLength(bytes, index);
      if (
        fold > 0 &&
        isContinuation(bytes[index + fold]) &&
        endsMidSequence(out ?? bytes, out === null ? index : length)
      ) {
        if (out === null) {
          out = new Uint8Array(bytes.length);
          out.set(bytes.subarray(0, index));
          length = index;
        }
        index += fold;
        continue;
      }
    }
    if (out !== null) {
      out[length] = byte;
      length += 1;
    }
    index += 1;
  }
  return out === null ? bytes : out.subarray(0, length);
}

/**
 * The text of iCalendar bytes (or of an XML answer carrying it): folds inside a UTF-8 character
 * joined, then decoded as UTF-8 without its byte order mark (RFC 5545 §3.1: UTF-8 is the default).
 * A UTF-16 byte order mark is honoured. Bytes that are not UTF-8 become U+FFFD, as `Response.text()`.
 */
export function decodeIcalBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  // TextDecoder drops a leading UTF-8 byte order mark (its `ignoreBOM` is false).
  return new TextDecoder('utf-8').decode(joinSplitCharacters(bytes));
}
