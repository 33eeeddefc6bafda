import { describe, expect, it } from 'vitest';
import { createAlmanacDb } from '../../../src/core/db/almanac-db';
import { nativeVersionOf, openDbIfCurrent } from '../../../workers/sw/open-db';

const uniqueName = (): string => `almanac-sw-${crypto.randomUUID()}`;

async function createRawDb(name: string, version: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => {
      reject(new Error('open failed'));
    };
  });
}

describe('the service worker opens the database only at its own schema version', () => {
  it('never creates a database', async () => {
    const name = uniqueName();
    expect(await openDbIfCurrent(indexedDB, name)).toBeNull();
    expect((await indexedDB.databases()).some((db) => db.name === name)).toBe(false);
  });

  it('never upgrades an older one (the page migrates it)', async () => {
    const name = uniqueName();
    await createRawDb(name, 1);
    expect(await openDbIfCurrent(indexedDB, name)).toBeNull();
    expect((await indexedDB.databases()).find((db) => db.name === name)?.version).toBe(1);
  });

  it('opens one the page created with the same code', async () => {
    const name = uniqueName();
    const page = createAlmanacDb(name);
    await page.open();
    const worker = await openDbIfCurrent(indexedDB, name);
    expect(worker?.isOpen()).toBe(true);
    expect(nativeVersionOf(page)).toBe(page.verno * 10);
    worker?.close();
    page.close();
  });
});
