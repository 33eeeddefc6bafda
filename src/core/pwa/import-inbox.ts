import { ImportSource } from './launch-routes';

/**
 * The import inbox: `.ics` files handed to Almanac by the operating system (share target, file
 * handler) wait here, in the Cache API, until the import screen reads and removes them. The Cache API
 * because both the service worker and the page have it, it stores Blobs as they are, and it needs no
 * IndexedDB schema change. Used by workers/sw (share target), src/lib/pwa/launch-queue.ts and the
 * import screen, so it lives in the core: the CacheStorage is passed in, and `Response` is the Fetch
 * standard's, which the page, the service worker and Node all have. See workers/sw/README.md for the
 * handoff.
 */
export const IMPORT_INBOX_CACHE = 'almanac-import-inbox';

const KEY_PREFIX = '/__import-inbox/';
const NAME_HEADER = 'X-Almanac-File-Name';
const SOURCE_HEADER = 'X-Almanac-Source';
const RECEIVED_HEADER = 'X-Almanac-Received-At';

export interface InboxFile {
  /** The cache key, to pass to removeFromInbox once imported (or refused). */
  readonly key: string;
  readonly name: string;
  readonly type: string;
  readonly source: ImportSource;
  readonly receivedAt: number;
  readonly content: Blob;
}

/** Stores files in the inbox; returns how many were stored. */
export async function putInInbox(
  storage: CacheStorage,
  files: readonly File[],
  source: ImportSource,
  now: number,
): Promise<number> {
  const cache = await storage.open(IMPORT_INBOX_CACHE);
  await Promise.all(
    files.map((file, index) =>
      cache.put(
        `${KEY_PREFIX}${now}-${index}`,
        new Response(file, {
          headers: {
            'Content-Type': file.type === '' ? 'text/calendar' : file.type,
            [NAME_HEADER]: encodeURIComponent(file.name),
            [SOURCE_HEADER]: source,
            [RECEIVED_HEADER]: String(now),
          },
        }),
      ),
    ),
  );
  return files.length;
}

function sourceOf(value: string | null): ImportSource {
  return value === ImportSource.file ? ImportSource.file : ImportSource.share;
}

/** Every file waiting in the inbox, oldest first. */
export async function readInbox(storage: CacheStorage): Promise<InboxFile[]> {
  if (!(await storage.has(IMPORT_INBOX_CACHE))) return [];
  const cache = await storage.open(IMPORT_INBOX_CACHE);
  const files: InboxFile[] = [];
  for (const request of await cache.keys()) {
    const response = await cache.match(request);
    if (!response) continue;
    files.push({
      key: new URL(request.url).pathname,
      name: decodeURIComponent(response.headers.get(NAME_HEADER) ?? ''),
      type: response.headers.get('Content-Type') ?? 'text/calendar',
      source: sourceOf(response.headers.get(SOURCE_HEADER)),
      receivedAt: Number(response.headers.get(RECEIVED_HEADER) ?? 0),
      content: await response.blob(),
    });
  }
  return files.sort((a, b) => a.receivedAt - b.receivedAt);
}

/** Removes imported (or refused) files from the inbox. */
export async function removeFromInbox(storage: CacheStorage, keys: readonly string[]): Promise<void> {
  const cache = await storage.open(IMPORT_INBOX_CACHE);
  await Promise.all(keys.map((key) => cache.delete(key)));
}
