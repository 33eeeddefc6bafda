/**
 * A real server's calendar-multiget answer whose calendar-data folds lines inside UTF-8 characters
 * (what a server that stores objects as uploaded sends back from a writer that folds by octets):
 * the pull keeps é, € and 🎉 whole. Radicale and Xandikos re-serialise what they are given, so the
 * split is made on their answer, in bytes, by a middleware; everything else is their own response
 * (docs/sync-rules.md rule 25).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDavServer, type DavServer, type ServerKind } from './dav-server';
import { createHarness, isMultiget } from './sync-harness';

const KINDS: readonly ServerKind[] = ['radicale', 'xandikos'];
const SPLIT = ['é', '€', '🎉'].map((character) => new TextEncoder().encode(character));
const FOLD = [0x0d, 0x0a, 0x20];

/** `body` with a CRLF + space after the first byte of every é, € and 🎉. */
function foldInsideCharacters(body: Uint8Array): { bytes: Uint8Array<ArrayBuffer>; folds: number } {
  const out: number[] = [];
  let folds = 0;
  for (let index = 0; index < body.length; index += 1) {
    out.push(body[index] ?? 0);
    const starts = SPLIT.some((character) => character.every((byte, at) => body[index + at] === byte));
    if (starts) {
      out.push(...FOLD);
      folds += 1;
    }
  }
  return { bytes: Uint8Array.from(out), folds };
}

describe.each(KINDS)('UTF-8 folds in a pull from %s', (kind) => {
  let server: DavServer;
  beforeAll(async () => {
    server = await startDavServer(kind);
  }, 30_000);
  afterAll(async () => {
    await server.stop();
  });

  it('a calendar-data folded inside é, € and 🎉 is stored with each character whole', async () => {
    const h = await createHarness(server);
    await h.putOnServer('folded', 'Café crème', ['LOCATION:Entrée 5 €', 'DESCRIPTION:Fête 🎉']);
    let folds = 0;
    h.middleware.push(async (request, next) => {
      const response = await next();
      if (!isMultiget(request)) return response;
      const folded = foldInsideCharacters(new Uint8Array(await response.arrayBuffer()));
      folds += folded.folds;
      return new Response(folded.bytes, { status: response.status, headers: response.headers });
    });
    expect(await h.sync()).toMatchObject({ pulled: 1 });
    expect(folds).toBe(4); // Café, Entrée, €, 🎉: the answer really carried split characters
    const event = await h.event('folded');
    expect(event?.summary).toBe('Café crème');
    expect(event?.ics).not.toContain('\uFFFD');
    expect(event?.ics).toContain('Entrée 5 €');
    expect(event?.ics).toContain('Fête 🎉');
    h.close();
  });
});
