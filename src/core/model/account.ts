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

/** A Microsoft 365 account: Graph, with tokens from MSAL on the page (docs/sync-rules.md rules 50–52). */
export interface GraphAccount {
  readonly id: AccountId;
  readonly kind: 'graph';
  name: string;
  /** MSAL's id of the signed-in user: the page's token source is asked for tokens by it. */
  homeAccountId: string;
  /** The sign-in name (user principal name or email), shown and given to a new sign-in as its hint. */
  username: string;
  /** Graph's base URL when the account was added (the runtime configuration's). */
  graphBaseUrl: string;
  /** Periodic sync while the app is open, 1–60 minutes (default 2). */
  syncIntervalMinutes: number;
  /** Microsoft wants the user to sign in again (interaction required, or Graph refused a fresh token):
   *  sync stopped, everything stays readable and editable and edits wait in the outbox. */
  needsSignIn: boolean;
  createdAt: number;
}

/** An account groups calendars that sync with one server (or, for `local`, with none). */
export type Account =
  | { readonly id: AccountId; readonly kind: 'local'; name: string; createdAt: number }
  | CalDavAccount
  | GraphAccount;
