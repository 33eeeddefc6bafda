/**
 * `GET /mail-bridge/events`: a push stream (server-sent events) of one folder while a page is open,
 * from IMAP IDLE (RFC 2177) on a connection of its own, outside the pool. Events:
 *
 *   event: ready    data: the folder's state (as /changes gives it) once IDLE is listening
 *   event: exists   data: {"count": n, "previous": p}      new mail (or a count that grew)
 *   event: expunge  data: {"uid": n | null, "seq": n | null}  a message went (uid with QRESYNC)
 *   event: flags    data: {"uid": n | null, "seq": n, "flags": […], "modseq": "…" | null}
 *   event: closed   data: {"reason": "…"}                  the IMAP side ended: reconnect, then /changes
 *   : ping                                                  a comment every heartbeat
 *
 * The stream says what happened, not the messages: a client calls /changes or /messages after it.
 * IDLE can die without a word (docs/sync-rules.md rule 63): imapflow restarts it every `idleRestartMs`,
 * and the heartbeat makes a dead HTTP side show. Cancelling the stream logs the connection out.
 */
import type { ImapFlow } from 'imapflow';
import { folderState } from './folder-state.ts';

export interface EventStreamOptions {
  readonly folder: string;
  readonly heartbeatMs: number;
  /** Called once, when the stream ends for any reason. */
  readonly onEnd: () => void;
}

const encoder = new TextEncoder();

function frame(event: string, data: unknown): Uint8Array {
  return encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** The client is connected; the folder is opened here, so a missing folder fails before the stream starts. */
export async function folderEventStream(
  client: ImapFlow,
  options: EventStreamOptions,
): Promise<ReadableStream<Uint8Array>> {
  const mailbox = await client.mailboxOpen(options.folder, { readOnly: true });
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  let ended = false;
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;

  const send = (chunk: Uint8Array) => {
    if (!ended) controller?.enqueue(chunk);
  };
  const end = (reason: string | null) => {
    if (ended) return;
    if (reason !== null) send(frame('closed', { reason }));
    ended = true;
    if (heartbeat) clearInterval(heartbeat);
    client.removeAllListeners('exists');
    client.removeAllListeners('expunge');
    client.removeAllListeners('flags');
    if (reason !== null) controller?.close();
    client.logout().catch(() => {
      client.close();
    });
    options.onEnd();
  };

  client.on('exists', (event: { count: number; prevCount: number }) => {
    send(frame('exists', { count: event.count, previous: event.prevCount }));
  });
  client.on('expunge', (event: { uid?: number; seq?: number }) => {
    send(frame('expunge', { uid: event.uid ?? null, seq: event.seq ?? null }));
  });
  client.on('flags', (event: { uid?: number; seq: number; flags: Set<string>; modseq?: bigint }) => {
    send(
      frame('flags', {
        uid: event.uid ?? null,
        seq: event.seq,
        flags: [...event.flags].filter((flag) => flag !== '\\Recent'),
        modseq: event.modseq === undefined ? null : String(event.modseq),
      }),
    );
  });
  client.on('close', () => {
    end('The mail server closed the connection.');
  });
  client.on('error', () => {
    end('The connection to the mail server failed.');
  });

  return new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      send(encoder.encode(`retry: 5000\n\n`));
      send(frame('ready', folderState(mailbox)));
      heartbeat = setInterval(() => {
        send(encoder.encode(': ping\n\n'));
      }, options.heartbeatMs);
      heartbeat.unref();
      // Starts IDLE now; imapflow keeps it going (and restarts it) until the connection is logged out.
      client.idle().catch(() => {
        end('IDLE failed on the mail server.');
      });
    },
    cancel() {
      end(null);
    },
  });
}
