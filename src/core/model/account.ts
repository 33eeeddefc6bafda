import type { AccountId } from './ids';

export const AccountKind = { local: 'local', caldav: 'caldav', graph: 'graph' } as const;
export type AccountKind = (typeof AccountKind)[keyof typeof AccountKind];

/** Where a CalDAV account's server came from: a provider preset or a URL the user typed ('other'). */
export const CalDavProvider = {
  infomaniak: 'infomaniak',
  nextcloud: 'nextcloud',
  fastmail: 'fastmail',
  icloud: 'icloud',
  other: 'other',
} as const;
export type CalDavProvider = (typeof CalDavProvider)[keyof typeof CalDavProvider];

/**
 * A password encrypted with AES-GCM under a non-extractable WebCrypto key kept in `db.secrets`
 * (src/core/accounts/credential-crypto.ts). Useless without that key, which never leaves WebCrypto.
 */
export interface EncryptedCredential {
  readonly algorithm: 'AES-GCM';
  /** The `secrets` row holding the key. */
  readonly keyId: string;
  /** 96-bit nonce, fresh for every encryption. */
  readonly iv: Uint8Array;
  readonly ciphertext: ArrayBuffer;
}

export interface CalDavAccount {
  readonly id: AccountId;
  readonly kind: 'caldav';
  name: string;
  /** Resolved calendar-home (or principal) URL. */
  serverUrl: string;
  username: string;
  /** The preset the account was added with. */
  provider: CalDavProvider;
  /** Null only when no password was ever stored (then `needsPassword` is true). */
  credential: EncryptedCredential | null;
  /** Periodic sync while the app is open, 1–60 minutes (default 2). */
  syncIntervalMinutes: number;
  /** An authentication failure stopped its sync until the user gives the password again. */
  needsPassword: boolean;
  createdAt: number;
}

/** An account groups calendars that sync with one server (or, for `local`, with none). */
export type Account =
  | { readonly id: AccountId; readonly kind: 'local'; name: string; createdAt: number }
  | CalDavAccount
  | {
      readonly id: AccountId;
      readonly kind: 'graph';
      name: string;
      homeAccountId: string;
      createdAt: number;
    };
