import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBuiltApp, type BuiltApp } from './built-app';
import { httpExchange, rawExchange, type Outcome } from './exchange';
import { HostileKind, httpCases, rawCases, type HttpCase, type RawCase } from './hostile-requests';
import { startServe, type ServeProcess } from '../../servers/serve-process';

/**
 * `npm start`'s server under a hostile client: a few thousand malformed requests over raw sockets and
 * node:http, each of which must get a 4xx; then the same process must still serve the app and the
 * proxy, and must have written nothing on stderr. No case relies on a silent close: even a client that
 * connects and says nothing gets a 408 once the (shortened) header timeout passes, and a CONNECT or
 * an HTTP/2 preface gets an HTTP/1.1 4xx. Loopback only; each case is bounded (exchange.ts).
 */

const CONCURRENCY = 24;

let app: BuiltApp;
let served: ServeProcess;

beforeAll(async () => {
  app = await makeBuiltApp();
  // Short timeouts so the slow clients are answered within seconds (the defaults are 20 s and 120 s).
  served = await startServe(app.root, {
    ALMANAC_SERVE_HEADERS_TIMEOUT_MS: '1500',
    ALMANAC_SERVE_REQUEST_TIMEOUT_MS: '3000',
  });
}, 240_000);

afterAll(async () => {
  await served.stop();
  await app.remove();
});

async function inPool<T>(items: readonly T[], run: (item: T) => Promise<Outcome>): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array<Outcome>(items.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) {
      outcomes[index] = await run(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return outcomes;
}

const isClientError = (status: number) => status >= 400 && status < 500;

/** Valid requests pipelined ahead are answered 2xx, in order; then exactly one 4xx for the junk. */
function asExpected(outcome: Outcome, okFirst: number): boolean {
  const { statuses } = outcome;
  return (
    statuses.length === okFirst + 1 &&
    statuses.slice(0, okFirst).every((status) => status >= 200 && status < 300) &&
    isClientError(statuses[okFirst] ?? 0)
  );
}

interface Tally {
  cases: number;
  byStatus: Map<number, number>;
}

function tallyInto(tallies: Map<string, Tally>, key: string, status: number) {
  const tally = tallies.get(key) ?? { cases: 0, byStatus: new Map<number, number>() };
  tally.cases += 1;
  tally.byStatus.set(status, (tally.byStatus.get(status) ?? 0) + 1);
  tallies.set(key, tally);
}

function report(tallies: Map<string, Tally>, total: number): string {
  const lines = [...tallies.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, { cases, byStatus }]) => {
      const statuses = [...byStatus.entries()]
        .sort(([a], [b]) => a - b)
        .map(([status, count]) => `${status}×${count}`)
        .join(' ');
      return `  ${key.padEnd(28)} ${String(cases).padStart(5)}  ${statuses}`;
    });
  return [`serve fuzz: ${total} hostile requests, every one answered 4xx`, ...lines, ''].join('\n');
}

describe('npm start under hostile requests', () => {
  it('answers each with a 4xx, then still serves the app and the proxy', async () => {
    const host = `127.0.0.1:${served.port}`;
    // The slow clients first: they take seconds each and overlap everything else.
    const raw = rawCases(host).sort(
      (a, b) => Number(b.kind === HostileKind.slow) - Number(a.kind === HostileKind.slow),
    );
    const viaHttp = httpCases(host);

    const rawOutcomes = await inPool<RawCase>(raw, (item) => rawExchange(served.port, item));
    const httpOutcomes = await inPool<HttpCase>(viaHttp, (item) => httpExchange(served.port, item));

    const tallies = new Map<string, Tally>();
    const wrong: string[] = [];
    raw.forEach((item, index) => {
      const outcome = rawOutcomes[index] as Outcome;
      const last = outcome.statuses.at(-1) ?? 0;
      tallyInto(tallies, `raw ${item.kind}`, last);
      if (!asExpected(outcome, item.okFirst ?? 0)) {
        wrong.push(`raw ${item.kind} ${JSON.stringify(item.name)}: ${JSON.stringify(outcome)}`);
      }
    });
    viaHttp.forEach((item, index) => {
      const outcome = httpOutcomes[index] as Outcome;
      tallyInto(tallies, `http ${item.kind}`, outcome.statuses.at(-1) ?? 0);
      if (!asExpected(outcome, 0))
        wrong.push(`http ${item.kind} ${JSON.stringify(item.name)}: ${JSON.stringify(outcome)}`);
    });
    const total = raw.length + viaHttp.length;
    process.stdout.write(report(tallies, total));

    expect(wrong).toEqual([]);
    expect(total).toBeGreaterThanOrEqual(2_000);
    expect(served.exited()).toBeNull();

    // The app: the shell, and a hashed asset in each coding, byte for byte.
    const shell = await fetch(`${served.origin}/agenda/week/2026-01-05`, {
      headers: { 'Accept-Encoding': 'identity' },
    });
    expect(shell.status).toBe(200);
    expect(Buffer.from(await shell.arrayBuffer())).toEqual(app.shell);
    for (const coding of ['br', 'gzip', 'identity']) {
      const answer = await rawAsset(served.origin + app.asset.path, coding);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(app.asset.body);
    }

    // The proxy: it answers a refused target itself, in its JSON.
    const proxied = await fetch(`${served.origin}/proxy?url=${encodeURIComponent('http://127.0.0.1:1/')}`, {
      headers: { Origin: served.origin },
    });
    expect(isClientError(proxied.status)).toBe(true);
    expect(((await proxied.json()) as { error?: unknown }).error).toEqual(expect.any(String));

    expect(served.exited()).toBeNull();
    expect(served.stderr()).toBe('');
  }, 180_000);
});

/** GET with one Accept-Encoding, decoded by hand (fetch would decode, and hide which coding came). */
function rawAsset(url: string, coding: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'Accept-Encoding': coding }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const sent = Buffer.concat(chunks);
        expect(res.headers['content-encoding']).toBe(coding === 'identity' ? undefined : coding);
        const body =
          coding === 'br' ? brotliDecompressSync(sent) : coding === 'gzip' ? gunzipSync(sent) : sent;
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}
