import type { Page } from '@playwright/test';

/**
 * Counts the rows of one object store of the app's IndexedDB ("almanac"), read straight from the
 * browser: the proof that something was (or was not) saved, independent of what the UI shows.
 */
export async function countRows(
  page: Page,
  store: 'events' | 'occurrences' | 'calendars' | 'outbox' | 'syncState' | 'providerState',
): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('almanac');
        open.onerror = () => {
          reject(new Error(open.error?.message ?? 'open failed'));
        };
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            resolve(0);
            return;
          }
          const request = db.transaction(name, 'readonly').objectStore(name).count();
          request.onsuccess = () => {
            db.close();
            resolve(request.result);
          };
          request.onerror = () => {
            db.close();
            reject(new Error(request.error?.message ?? 'count failed'));
          };
        };
      }),
    store,
  );
}

/**
 * For every object store of the app's IndexedDB, how many rows mention one of `ids` anywhere in their
 * value (keys and fields alike); stores with none are left out, so "nothing left behind" is `{}`.
 */
export async function rowsNaming(page: Page, ids: readonly string[]): Promise<Record<string, number>> {
  return page.evaluate(
    (wanted) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('almanac');
        open.onerror = () => {
          reject(new Error(open.error?.message ?? 'open failed'));
        };
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const found: Record<string, number> = {};
          const transaction = db.transaction(names, 'readonly');
          for (const name of names) {
            const request = transaction.objectStore(name).getAll();
            request.onsuccess = () => {
              const rows = (request.result as unknown[]).filter((row) => {
                const text = JSON.stringify(row);
                return wanted.some((id) => text.includes(id));
              });
              if (rows.length > 0) found[name] = rows.length;
            };
          }
          transaction.oncomplete = () => {
            db.close();
            resolve(found);
          };
          transaction.onerror = () => {
            db.close();
            reject(new Error(transaction.error?.message ?? 'read failed'));
          };
        };
      }),
    [...ids],
  );
}

/** The ids of the rows of one store whose `field` equals `value` (e.g. a calendar's by its account). */
export async function idsWhere(page: Page, store: string, field: string, value: string): Promise<string[]> {
  return page.evaluate(
    ([name, key, wanted]) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('almanac');
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(name, 'readonly').objectStore(name).getAll();
          request.onsuccess = () => {
            db.close();
            resolve(
              (request.result as Record<string, unknown>[])
                .filter((row) => row[key] === wanted)
                .map((row) => String(row['id'])),
            );
          };
          request.onerror = () => {
            db.close();
            reject(new Error('read failed'));
          };
        };
        open.onerror = () => {
          reject(new Error(open.error?.message ?? 'open failed'));
        };
      }),
    [store, field, value] as const,
  );
}
