/**
 * A small seeded generator of mail for the Dovecot test server (and later the mail benchmark): the same
 * seed gives the same messages byte for byte. Senders, subjects and dates vary; some messages are HTML
 * with a remote image, some carry an attachment, and about a quarter answer an earlier one (In-Reply-To
 * and References), so threads exist. Messages are composed by nodemailer's MailComposer, never by hand.
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import { seededRandom } from './seeded-random';

export interface GeneratedMessage {
  /** The RFC 822 source. */
  readonly raw: Buffer;
  /** The Date header, also used as the file's time (Dovecot's INTERNALDATE). */
  readonly date: Date;
  readonly messageId: string;
  readonly subject: string;
  readonly from: string;
  /** The Message-ID this one answers, if any. */
  readonly inReplyTo: string | null;
  readonly seen: boolean;
  readonly flagged: boolean;
  readonly hasAttachment: boolean;
  readonly html: boolean;
}

export interface GenerateOptions {
  readonly count: number;
  /** Default 1. */
  readonly seed?: number;
  /** The newest message's date; older ones go back from it. Default 2026-11-30T09:00:00Z. */
  readonly newest?: Date;
  /** Who receives them. Default `almanac@example.test`. */
  readonly to?: string;
}

const people = [
  ['Ada Lovelace', 'ada@example.test'],
  ['Émile Durand', 'emile.durand@example.test'],
  ['Grace Hopper', 'grace@navy.example.test'],
  ['Zoë Müller', 'zoe@example.test'],
  ['Billing', 'no-reply@billing.example.test'],
  ['Team Calendar', 'calendar@example.test'],
] as const;

const topics = [
  'Quarterly report',
  'Lunch on Thursday?',
  'Réunion de projet',
  'Your invoice is ready',
  'Trip to Lausanne',
  'Draft agenda',
  'Photos from the weekend',
  'Contract review',
] as const;

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Oldest first (the order Dovecot gives UIDs in when the Maildir is laid out by date). */
export async function generateMessages(options: GenerateOptions): Promise<GeneratedMessage[]> {
  const random = seededRandom(options.seed ?? 1);
  const newest = (options.newest ?? new Date('2026-11-30T09:00:00Z')).getTime();
  const to = options.to ?? 'almanac@example.test';
  const messages: GeneratedMessage[] = [];
  const hour = 3_600_000;
  for (let i = 0; i < options.count; i += 1) {
    const date = new Date(newest - (options.count - 1 - i) * 7 * hour - Math.floor(random() * hour));
    const [name, address] = pick(random, people);
    const from = `${name} <${address}>`;
    const parent = i > 0 && random() < 0.25 ? messages[Math.floor(random() * messages.length)] : undefined;
    const subject = parent
      ? `Re: ${parent.subject.replace(/^Re: /, '')}`
      : `${pick(random, topics)} #${i + 1}`;
    const messageId = `<msg-${options.seed ?? 1}-${i + 1}@almanac.test>`;
    const html = random() < 0.3;
    const hasAttachment = random() < 0.15;
    // CRLF throughout: IMAP serves messages with CRLF, so the bytes read back are the bytes laid out.
    const text = `Hello,\r\n\r\nmessage ${i + 1} about ${subject}.\r\n\r\n-- \r\n${name}\r\n`;
    const composer = new MailComposer({
      from,
      to,
      ...(random() < 0.2 ? { cc: 'grace@navy.example.test' } : {}),
      subject,
      date,
      messageId,
      // A fixed boundary, so the same seed gives the same bytes.
      baseBoundary: `almanac-${options.seed ?? 1}-${i + 1}`,
      ...(parent ? { inReplyTo: parent.messageId, references: [parent.messageId] } : {}),
      text,
      ...(html
        ? {
            html:
              `<p>Hello,</p><p>message ${i + 1} about <b>${subject}</b>.</p>` +
              `<img src="https://images.example.test/track/${i + 1}.png" alt="logo">`,
          }
        : {}),
      ...(hasAttachment
        ? {
            attachments: [
              {
                filename: `notes-${i + 1}.txt`,
                content: `Attachment of message ${i + 1}\r\n`,
                contentType: 'text/plain',
              },
            ],
          }
        : {}),
    });
    const raw = await composer.compile().build();
    messages.push({
      raw,
      date,
      messageId,
      subject,
      from,
      inReplyTo: parent?.messageId ?? null,
      seen: random() < 0.6,
      flagged: random() < 0.1,
      hasAttachment,
      html,
    });
  }
  return messages;
}
