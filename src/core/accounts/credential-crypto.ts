/**
 * Account passwords at rest: AES-GCM under one non-extractable WebCrypto key, generated once and kept
 * in `db.secrets` (IndexedDB structured-clones a CryptoKey without ever exposing its bytes). Never in
 * localStorage, never in logs or error text. `subtle` is injected so the core stays platform-free.
 *
 * What this protects against: a copy of the database's rows (exports, backups, a synced folder) does
 * not reveal passwords, and no script can read the key's bytes. Code running in the origin can still
 * ask WebCrypto to decrypt; that is inherent to a client that must send the password to the server.
 */
import type { AlmanacDb } from '../db/almanac-db';
import { AppError, ErrorKind } from '../errors';
import type { EncryptedCredential } from '../model/account';
import type { AccountId } from '../model/ids';

export const CREDENTIAL_KEY_ID = 'credential-key/v1';
const IV_BYTES = 12;

export interface CryptoDeps {
  readonly db: AlmanacDb;
  readonly subtle: SubtleCrypto;
  /** Fills the nonce; defaults to crypto.getRandomValues (present in every runtime we support). */
  readonly randomBytes?: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>;
}

function isCryptoKey(value: unknown): value is CryptoKey {
  return (
    typeof value === 'object' &&
    value !== null &&
    'algorithm' in value &&
    'usages' in value &&
    'extractable' in value &&
    'type' in value
  );
}

async function storedKey(db: AlmanacDb): Promise<CryptoKey | null> {
  const row = await db.secrets.get(CREDENTIAL_KEY_ID);
  return row && isCryptoKey(row.value) ? row.value : null;
}

/**
 * The credential key, created on first use. Page and worker may both get here first: the new key is
 * written only if no key exists, inside one transaction, and everyone uses whichever key was stored.
 */
export async function credentialKey(deps: CryptoDeps): Promise<CryptoKey> {
  const existing = await storedKey(deps.db);
  if (existing) return existing;
  const fresh = await deps.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  return deps.db.transaction('rw', deps.db.secrets, async () => {
    const raced = await storedKey(deps.db);
    if (raced) return raced;
    await deps.db.secrets.put({ id: CREDENTIAL_KEY_ID, value: fresh });
    return fresh;
  });
}

/** Binds a ciphertext to its account: a blob copied onto another account does not decrypt. */
function associatedData(accountId: AccountId): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`almanac-account:${accountId}`);
}

export async function encryptPassword(
  deps: CryptoDeps,
  accountId: AccountId,
  password: string,
): Promise<EncryptedCredential> {
  const key = await credentialKey(deps);
  const iv = new Uint8Array(IV_BYTES);
  (deps.randomBytes ?? ((bytes) => crypto.getRandomValues(bytes)))(iv);
  const ciphertext = await deps.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: associatedData(accountId) },
    key,
    new TextEncoder().encode(password),
  );
  return { algorithm: 'AES-GCM', keyId: CREDENTIAL_KEY_ID, iv, ciphertext };
}

function unreadable(): AppError {
  // No detail: nothing about the secret or the key belongs in an error.
  return new AppError({
    kind: ErrorKind.auth,
    message: 'The stored password can no longer be read. Enter it again.',
    retryable: false,
  });
}

/** The password, or AppError 'auth' when the key is gone or the blob was tampered with. */
export async function decryptPassword(
  deps: CryptoDeps,
  accountId: AccountId,
  credential: EncryptedCredential,
): Promise<string> {
  const row = await deps.db.secrets.get(credential.keyId);
  if (!row || !isCryptoKey(row.value)) throw unreadable();
  try {
    const plain = await deps.subtle.decrypt(
      { name: 'AES-GCM', iv: new Uint8Array(credential.iv), additionalData: associatedData(accountId) },
      row.value,
      credential.ciphertext,
    );
    return new TextDecoder().decode(plain);
  } catch {
    throw unreadable();
  }
}
