import { describe, expect, it } from 'vitest';
import {
  CREDENTIAL_KEY_ID,
  decryptPassword,
  encryptPassword,
} from '../../../src/core/accounts/credential-crypto';
import type { AccountId } from '../../../src/core/model/ids';
import { freshDb } from '../data/helpers';

const subtle = globalThis.crypto.subtle;
const ACCOUNT = 'account-1' as AccountId;

describe('credential crypto', () => {
  it('round-trips a password, non-Latin and with spaces', async () => {
    const db = freshDb();
    const password = 'abcd efgh ijkl mnop — mot de passe 日本';
    const credential = await encryptPassword({ db, subtle }, ACCOUNT, password);
    expect(await decryptPassword({ db, subtle }, ACCOUNT, credential)).toBe(password);
  });

  it('stores a non-extractable AES-GCM key in db.secrets, created once', async () => {
    const db = freshDb();
    await encryptPassword({ db, subtle }, ACCOUNT, 'one');
    await encryptPassword({ db, subtle }, ACCOUNT, 'two');
    const rows = await db.secrets.toArray();
    expect(rows.map((row) => row.id)).toEqual([CREDENTIAL_KEY_ID]);
    const key = rows[0]?.value as CryptoKey;
    expect(key).toBeInstanceOf(CryptoKey);
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    expect([...key.usages].sort()).toEqual(['decrypt', 'encrypt']);
    await expect(subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('two contexts racing to create the key end up with one key that both used', async () => {
    const db = freshDb();
    const [first, second] = await Promise.all([
      encryptPassword({ db, subtle }, ACCOUNT, 'from the page'),
      encryptPassword({ db, subtle }, ACCOUNT, 'from the worker'),
    ]);
    expect(await db.secrets.count()).toBe(1);
    expect(await decryptPassword({ db, subtle }, ACCOUNT, first)).toBe('from the page');
    expect(await decryptPassword({ db, subtle }, ACCOUNT, second)).toBe('from the worker');
  });

  it('keeps the password out of what is stored: the ciphertext differs each time and hides the text', async () => {
    const db = freshDb();
    const first = await encryptPassword({ db, subtle }, ACCOUNT, 'hunter2-hunter2');
    const second = await encryptPassword({ db, subtle }, ACCOUNT, 'hunter2-hunter2');
    expect(first.iv).toHaveLength(12);
    expect(Buffer.from(first.iv).equals(Buffer.from(second.iv))).toBe(false);
    const text = new TextDecoder('latin1').decode(first.ciphertext);
    expect(text).not.toContain('hunter2');
  });

  it('refuses a credential moved onto another account, and a missing key, with a plain auth error', async () => {
    const db = freshDb();
    const credential = await encryptPassword({ db, subtle }, ACCOUNT, 'secret-value');
    await expect(decryptPassword({ db, subtle }, 'other' as AccountId, credential)).rejects.toMatchObject({
      kind: 'auth',
    });
    await db.secrets.clear();
    const error: unknown = await decryptPassword({ db, subtle }, ACCOUNT, credential).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ kind: 'auth' });
    expect((error as Error).message).not.toContain('secret-value');
  });

  it('uses the injected random source for the nonce', async () => {
    const db = freshDb();
    const credential = await encryptPassword(
      { db, subtle, randomBytes: (bytes) => bytes.fill(7) },
      ACCOUNT,
      'pw',
    );
    expect([...credential.iv]).toEqual(Array.from({ length: 12 }, () => 7));
  });
});
