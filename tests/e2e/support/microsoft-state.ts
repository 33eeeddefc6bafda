import type { Page } from '@playwright/test';

/**
 * What a Microsoft account leaves in the browser, read straight from it: the stored accounts
 * (IndexedDB) and MSAL's cache entries (localStorage), independent of what the UI shows.
 */
export interface StoredGraphAccount {
  readonly id: string;
  readonly homeAccountId: string;
  readonly needsSignIn: boolean;
}

export async function graphAccounts(page: Page): Promise<StoredGraphAccount[]> {
  return page.evaluate(
    () =>
      new Promise<StoredGraphAccount[]>((resolve, reject) => {
        const open = indexedDB.open('almanac');
        open.onerror = () => {
          reject(new Error(open.error?.message ?? 'open failed'));
        };
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('accounts', 'readonly').objectStore('accounts').getAll();
          request.onsuccess = () => {
            db.close();
            resolve(
              (request.result as (StoredGraphAccount & { kind: string })[]).filter(
                (account) => account.kind === 'graph',
              ),
            );
          };
          request.onerror = () => {
            db.close();
            reject(new Error('read failed'));
          };
        };
      }),
  );
}

/** The one stored Microsoft account (the test added exactly one). */
export async function theGraphAccount(page: Page): Promise<StoredGraphAccount> {
  const [stored, ...others] = await graphAccounts(page);
  if (!stored || others.length > 0) throw new Error('expected exactly one Microsoft account');
  return stored;
}

/** What the sync worker does when Microsoft wants the user (an auth failure): the account's flag. */
export async function markNeedsSignIn(page: Page, accountId: string): Promise<void> {
  await page.evaluate(
    (id) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('almanac');
        open.onsuccess = () => {
          const db = open.result;
          const store = db.transaction('accounts', 'readwrite').objectStore('accounts');
          const read = store.get(id);
          read.onsuccess = () => {
            store.put({ ...(read.result as object), needsSignIn: true }).onsuccess = () => {
              db.close();
              resolve();
            };
          };
          read.onerror = () => {
            reject(new Error('read failed'));
          };
        };
      }),
    accountId,
  );
}

/** MSAL's cache entries in localStorage that name the user. */
export async function msalEntriesFor(page: Page, homeAccountId: string): Promise<string[]> {
  return page.evaluate(
    (id) =>
      Object.keys(localStorage).filter(
        (key) => key.includes(id) || (localStorage.getItem(key) ?? '').includes(id),
      ),
    homeAccountId,
  );
}
