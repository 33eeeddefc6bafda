/**
 * What a sync log line may not carry, removed from its text before it is stored (sync-log.ts calls
 * this on every message and string value; nothing else writes the table). The engine's lines are
 * written without any of this; these rules are the net for an error message that quotes more than it
 * should: a server's answer, a request, a URL with a password in it.
 */

/** Put where something was removed, so a reader knows the line was cut on purpose. */
export const REMOVED = '[removed]';
export const CALENDAR_DATA_REMOVED = '[calendar data removed]';

const RULES: readonly (readonly [RegExp, string])[] = [
  // iCalendar text: from a BEGIN:VCALENDAR / VEVENT … to the end, and a property that holds the user's
  // words (a parser error may quote the line it choked on).
  [/BEGIN:V[A-Z]+[\s\S]*/gi, CALENDAR_DATA_REMOVED],
  [
    /\b(?:SUMMARY|DESCRIPTION|LOCATION|COMMENT|ATTENDEE|ORGANIZER|CONTACT|ATTACH)[;:][\s\S]*/g,
    CALENDAR_DATA_REMOVED,
  ],
  // A body is XML or JSON: the log keeps none of it.
  [/<\?xml[\s\S]*|<[a-z][\w.-]*:?[\w.-]*[\s>][\s\S]*/gi, `[body ${REMOVED}]`],
  // One line: a body or a header block cannot hide on the following lines.
  [/\p{Cc}+/gu, ' '],
  // Header values that carry credentials, and the credentials of any scheme.
  [/\b(authorization|proxy-authorization|cookie|set-cookie)\b\s*[:=]\s*.*/gi, `$1: ${REMOVED}`],
  [/\b(Basic|Bearer|Digest|Negotiate)\s+[\w+/=.~-]{4,}/gi, `$1 ${REMOVED}`],
  // `password=…`, `token: …` and their kin.
  [
    /\b(password|passwd|pwd|secret|access_token|refresh_token|api[_-]?key|client_secret)\b(["']?\s*[:=]\s*)("[^"]*"|'[^']*'|\S+)/gi,
    `$1$2${REMOVED}`,
  ],
  // URLs: never the user:password@ part, nor a query or fragment (they may carry tokens).
  [/\b([a-z][a-z\d+.-]*:\/\/)[^\s/@]*@/gi, '$1'],
  [/(\b[a-z][a-z\d+.-]*:\/\/[^\s?#]*)[?#][^\s)\]]*/gi, '$1'],
];

/** The text without anything secret or private, on one line, cut to `maxChars`. */
export function redactLogText(text: string, maxChars: number): string {
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  out = out.replace(/\s+/g, ' ').trim();
  return out.length > maxChars ? `${out.slice(0, Math.max(0, maxChars - 1))}…` : out;
}
