/**
 * Event bodies as Graph returns them: HTML by default (a text body is turned into HTML), text when
 * the request prefers `outlook.body-content-type="text"` ("Get event"); `bodyPreview` is the first
 * 255 characters of the text. The HTML → text step only strips markup for a preview: it is not a
 * sanitiser and nothing renders it.
 */
import type { ItemBody } from '../store/event-content';

const HTML_HEAD =
  '<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n<body>\r\n';
const HTML_TAIL = '\r\n</body>\r\n</html>\r\n';
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

const escapeText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, '<br>\r\n');

export function htmlToText(html: string): string {
  return html
    .replace(/<(head|style|script)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|tr)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_whole, name: string) => ENTITIES[name] ?? '')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}

function asHtml(body: ItemBody): string {
  if (body.content === '') return '';
  const inner = body.contentType === 'text' ? `<div>${escapeText(body.content)}</div>` : body.content;
  return /^\s*<html/i.test(inner) ? inner : `${HTML_HEAD}${inner}${HTML_TAIL}`;
}

export function bodyJson(body: ItemBody, prefer: 'html' | 'text' | null): ItemBody {
  if (prefer === 'text') {
    return {
      contentType: 'text',
      content: body.contentType === 'text' ? body.content : htmlToText(body.content),
    };
  }
  return { contentType: 'html', content: asHtml(body) };
}

export function bodyPreview(body: ItemBody): string {
  const text = body.contentType === 'text' ? body.content : htmlToText(body.content);
  return text.replace(/\s+/g, ' ').trim().slice(0, 255);
}
