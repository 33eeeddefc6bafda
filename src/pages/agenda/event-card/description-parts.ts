import { linksInText } from '../../../core/meetings/http-url';

/** A run of a description: plain text, or an http(s) link to make clickable. */
export type DescriptionPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly href: string };

/**
 * A plain-text description cut into text and links (only what the URL parser reads as http(s): never a
 * `javascript:` or `data:` link). The card renders each part as a text node or an `<a>`, never as HTML.
 */
export function descriptionParts(text: string): DescriptionPart[] {
  const parts: DescriptionPart[] = [];
  let at = 0;
  for (const link of linksInText(text)) {
    if (link.index > at) parts.push({ kind: 'text', text: text.slice(at, link.index) });
    parts.push({ kind: 'link', text: link.text, href: link.url.href });
    at = link.index + link.text.length;
  }
  if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
  return parts;
}
