/**
 * The raw HTTP floor: the requests a perfect client would send, with curl (one process per request,
 * like a shell script would), timed end to end. Bodies are written to temp files.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bodies } from '../../servers/dav-client';
import { parseMultistatus } from '../../servers/multistatus';

const run = promisify(execFile);

export interface CurlTarget {
  readonly calendarUrl: string;
  readonly username: string;
  readonly password: string;
  readonly workDir: string;
}

export interface FloorFigure {
  readonly ms: number;
  readonly requests: number;
  readonly bytes: number;
}

async function curl(target: CurlTarget, method: string, url: string, body: string | null, depth: string) {
  const bodyFile = join(target.workDir, 'curl-body.xml');
  const outFile = join(target.workDir, 'curl-out.xml');
  const args = [
    '-s',
    '-X',
    method,
    '-u',
    `${target.username}:${target.password}`,
    '-H',
    `Depth: ${depth}`,
    '-o',
    outFile,
    '-w',
    '%{http_code} %{size_download}',
  ];
  if (body !== null) {
    await writeFile(bodyFile, body);
    args.push('-H', 'Content-Type: application/xml; charset=utf-8', '--data-binary', `@${bodyFile}`);
  }
  const { stdout } = await run('curl', [...args, url], { maxBuffer: 1 << 20 });
  const [status, size] = stdout.trim().split(' ');
  if (status !== '207') throw new Error(`curl ${method} ${url} answered ${status ?? '?'}`);
  return { outFile, bytes: Number(size) };
}

async function timed(work: () => Promise<{ requests: number; bytes: number }>): Promise<FloorFigure> {
  const started = performance.now();
  const { requests, bytes } = await work();
  return { ms: performance.now() - started, requests, bytes };
}

async function readResponses(file: string) {
  const { readFile } = await import('node:fs/promises');
  return parseMultistatus(await readFile(file, 'utf8'));
}

/**
 * The first sync as a perfect client makes it: sync-collection from no token (hrefs, etags and the
 * token for the next delta, in one request), then one calendar-multiget of everything listed.
 *
 * Not a PROPFIND Depth 1 listing (propfindListingAndMultiget): Radicale 3.1 answers that in time
 * quadratic in the collection's size. For every member, discover() → Collection._get(href) →
 * pathutils.path_to_filesystem() scans the whole collection folder (os.scandir) to rule out a name
 * collision, so 5,000 items cost 25 million directory entries: 6–9 s here on a warm server, against
 * about 0.6 s for the same listing by sync-collection (or 0.35 s for a calendar-query with bodies).
 * A floor built on it measured Radicale's PROPFIND, not the network (the old 10.8 s "floor").
 * vdirsyncer does list with PROPFIND Depth 1, so it does pay that cost; Almanac lists by
 * sync-collection when the server offers it (docs/sync-rules.md rule 10).
 */
export function syncListingAndMultiget(target: CurlTarget): Promise<FloorFigure> {
  return timed(async () => {
    const listing = await curl(target, 'REPORT', target.calendarUrl, bodies.syncCollection(''), '1');
    const hrefs = (await readResponses(listing.outFile)).responses
      .filter((response) => response.status !== 404)
      .map((response) => response.href)
      .filter((href) => href.endsWith('.ics'));
    const multiget = await curl(target, 'REPORT', target.calendarUrl, bodies.multiget(hrefs), '1');
    return { requests: 2, bytes: listing.bytes + multiget.bytes };
  });
}

/** PROPFIND Depth 1 listing of hrefs + etags, then one calendar-multiget of everything listed. */
export function propfindListingAndMultiget(target: CurlTarget): Promise<FloorFigure> {
  return timed(async () => {
    const listing = await curl(target, 'PROPFIND', target.calendarUrl, bodies.propfindEtags, '1');
    const hrefs = (await readResponses(listing.outFile)).responses
      .map((response) => response.href)
      .filter((href) => href.endsWith('.ics'));
    const multiget = await curl(target, 'REPORT', target.calendarUrl, bodies.multiget(hrefs), '1');
    return { requests: 2, bytes: listing.bytes + multiget.bytes };
  });
}

/** The collection's sync token alone (PROPFIND depth 0): all a client needs when nothing changed. */
export function tokenCheck(target: CurlTarget): Promise<FloorFigure> {
  return timed(async () => {
    const check = await curl(target, 'PROPFIND', target.calendarUrl, bodies.propfindToken, '0');
    return { requests: 1, bytes: check.bytes };
  });
}

/** Token check, sync-collection since `token`, multiget of what changed. */
export function incremental(target: CurlTarget, token: string): Promise<FloorFigure> {
  return timed(async () => {
    const check = await curl(target, 'PROPFIND', target.calendarUrl, bodies.propfindToken, '0');
    const changes = await curl(target, 'REPORT', target.calendarUrl, bodies.syncCollection(token), '1');
    const changed = (await readResponses(changes.outFile)).responses
      .filter((response) => response.status !== 404)
      .map((response) => response.href);
    if (changed.length === 0) return { requests: 2, bytes: check.bytes + changes.bytes };
    const multiget = await curl(target, 'REPORT', target.calendarUrl, bodies.multiget(changed), '1');
    return { requests: 3, bytes: check.bytes + changes.bytes + multiget.bytes };
  });
}
