import type { AccountId } from './ids';

export const AccountKind = { local: 'local', caldav: 'caldav', graph: 'graph' } as const;
export type AccountKind = (typeof AccountKind)[keyof typeof AccountKind];

/** An account groups calendars that sync with one server (or, for `local`, with none). */
export type Account =
  | { readonly id: AccountId; readonly kind: 'local'; name: string; createdAt: number }
  | {
      readonly id: AccountId;
      readonly kind: 'caldav';
      name: string;
      serverUrl: string;
      username: string;
      /** Encrypted credential blob; the key never leaves WebCrypto (see the CalDAV issue). */
      credential: ArrayBuffer | null;
      createdAt: number;
    }
  | {
      readonly id: AccountId;
      readonly kind: 'graph';
      name: string;
      homeAccountId: string;
      createdAt: number;
    };
