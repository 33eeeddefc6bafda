/**
 * What a message list needs from BODYSTRUCTURE, without fetching the body: whether the message has
 * attachments, and which part to read a preview from (the first text/plain that is not an attachment,
 * else the first text/html).
 */
import type { MessageStructureObject } from 'imapflow';

function isAttachment(node: MessageStructureObject): boolean {
  if (node.type.startsWith('multipart/')) return false;
  if (node.disposition?.toLowerCase() === 'attachment') return true;
  const named = node.dispositionParameters?.['filename'] ?? node.parameters?.['name'];
  return named !== undefined && node.disposition?.toLowerCase() !== 'inline';
}

function* walk(node: MessageStructureObject): Generator<MessageStructureObject> {
  yield node;
  for (const child of node.childNodes ?? []) {
    // An attached message's own parts are not this message's.
    if (node.type !== 'message/rfc822') yield* walk(child);
  }
}

export function hasAttachments(root: MessageStructureObject | undefined): boolean {
  if (!root) return false;
  for (const node of walk(root)) if (isAttachment(node)) return true;
  return false;
}

export interface TextPart {
  /** The IMAP part number (`1` for a message that is not multipart). */
  readonly part: string;
  readonly type: 'text/plain' | 'text/html';
  readonly charset: string;
  readonly encoding: string;
}

export function previewPart(root: MessageStructureObject | undefined): TextPart | null {
  if (!root) return null;
  const nodes = [...walk(root)].filter((node) => !isAttachment(node));
  const node = nodes.find((n) => n.type === 'text/plain') ?? nodes.find((n) => n.type === 'text/html');
  if (!node) return null;
  return {
    part: node.part ?? '1',
    type: node.type === 'text/html' ? 'text/html' : 'text/plain',
    charset: node.parameters?.['charset'] ?? 'utf-8',
    encoding: node.encoding ?? '7bit',
  };
}
