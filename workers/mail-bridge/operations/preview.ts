/**
 * A list's preview line: the first bytes of the message's text part (a partial FETCH, one command per
 * part number, never the whole body), decoded by postal-mime (transfer encoding and charset;
 * docs/sync-rules.md rule 64) and, for HTML, turned into text by html-to-text; whitespace collapsed,
 * at most 200 characters.
 */
import { convert } from 'html-to-text';
import type { ImapFlow } from 'imapflow';
import PostalMime from 'postal-mime';
import { compactUids } from '../uid-set.ts';
import type { TextPart } from './message-structure.ts';

const fetchBytes = 2048;
export const previewLength = 200;
const token = /^[A-Za-z0-9_.:+-]{1,64}$/;

async function decode(part: TextPart, bytes: Buffer, alreadyDecoded: boolean): Promise<string> {
  const charset = token.test(part.charset) ? part.charset : 'utf-8';
  const encoding = alreadyDecoded || !token.test(part.encoding) ? '8bit' : part.encoding;
  // The part's own headers, rebuilt from BODYSTRUCTURE's checked tokens, so postal-mime decodes it.
  const head = `Content-Type: ${part.type}; charset="${charset}"\r\nContent-Transfer-Encoding: ${encoding}\r\n\r\n`;
  let body = bytes;
  if (encoding.toLowerCase() === 'base64') {
    // A cut-off base64 text decodes up to its last whole group of four characters.
    const text = bytes.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, '');
    body = Buffer.from(text.slice(0, text.length - (text.length % 4)), 'latin1');
  }
  const email = await PostalMime.parse(Buffer.concat([Buffer.from(head, 'latin1'), body]));
  const text =
    part.type === 'text/html'
      ? convert(email.html ?? '', {
          wordwrap: false,
          selectors: [
            { selector: 'img', format: 'skip' },
            { selector: 'a', options: { ignoreHref: true } },
          ],
        })
      : (email.text ?? '');
  return text
    .replace(/\uFFFD+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, previewLength);
}

/** Previews by UID; a message whose part cannot be read gets none rather than failing the page. */
export async function fetchPreviews(
  client: ImapFlow,
  parts: ReadonlyMap<number, TextPart>,
): Promise<Map<number, string>> {
  const byPart = new Map<string, number[]>();
  for (const [uid, part] of parts) byPart.set(part.part, [...(byPart.get(part.part) ?? []), uid]);
  const previews = new Map<number, string>();
  for (const [key, uids] of byPart) {
    // fetchAll, not the async iterator: no other command may run inside a fetch (rule 63).
    const rows = await client.fetchAll(
      compactUids(uids),
      { uid: true, bodyParts: [{ key, maxLength: fetchBytes }] },
      { uid: true },
    );
    for (const row of rows) {
      const part = parts.get(row.uid);
      const bytes = row.bodyParts ? [...row.bodyParts.values()][0] : undefined;
      if (!part || !bytes) continue;
      const decoded = row.binaryParts?.size ? true : false;
      previews.set(row.uid, await decode(part, bytes, decoded).catch(() => ''));
    }
  }
  return previews;
}
