import type { Page } from '@playwright/test';

/**
 * Counts the rows of one object store of the app's IndexedDB ("almanac"), read straight from the
 * browser: the proof that something was (or was not) saved, independent of what the UI shows.
 */
export async function countRows(
  page: Page,
  store: 'events' | 'occurrences' | 'calendars' | 'outbox',
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
