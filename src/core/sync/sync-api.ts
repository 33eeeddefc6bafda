import type { AccountId, CalendarId } from '../model/ids';
import type { TokenSource } from './token-request';

/**
 * The one typed contract between the page and the sync worker (Comlink wraps it; errors cross it as
 * AppErrorData through a transfer handler). The worker owns all network access and credentials.
 */
export interface CalDavLogin {
  /** Server URL as the user typed it or as a provider preset filled it. */
  readonly serverUrl: string;
  readonly username: string;
  /** Plain text only in transit to the worker; stored encrypted (see src/core/accounts). */
  readonly password: string;
}

/** A CalDAV account to add: the login discovery succeeded with, the name shown, the preset it came from. */
export interface NewCalDavAccountInput extends CalDavLogin {
  readonly kind: 'caldav';
  readonly name: string;
  /** A preset of src/core/accounts/provider-presets.ts; anything else is stored as 'other'. */
  readonly provider: string;
}

/** A Microsoft 365 account to add: who signed in on the page (MSAL) and the Graph it talks to. */
export interface NewGraphAccountInput {
  readonly kind: 'graph';
  /** MSAL's id of the user: tokens are asked of the page's token source by it. */
  readonly homeAccountId: string;
  readonly username: string;
  readonly name: string;
  readonly graphBaseUrl: string;
}

/** What `addAccount` stores, one variant per kind of account (told apart by `kind`). */
export type NewAccountInput = NewCalDavAccountInput | NewGraphAccountInput;

/** Whose calendars to list, right after the sign-in (nothing stored yet). */
export interface GraphDiscoveryInput {
  readonly homeAccountId: string;
  readonly graphBaseUrl: string;
}

export interface DiscoveredCalendar {
  /** Absolute collection URL: the calendar's identity on the server. */
  readonly url: string;
  readonly name: string;
  /** `#rrggbb` from the server (Apple calendar-color), or null. */
  readonly color: string | null;
  readonly readOnly: boolean;
  /** `supported-report-set` lists sync-collection (RFC 6578); true for Graph (delta). */
  readonly supportsSyncCollection: boolean;
  /** The account's default calendar, when the server says (Graph `isDefaultCalendar`). */
  readonly isDefault?: boolean;
  /** Who owns a calendar shared with the user (Graph `owner`), when the server says. */
  readonly owner?: { readonly name: string; readonly address: string };
}

export interface DiscoveryResult {
  /** The resolved calendar-home or principal URL to store on the account. */
  readonly serverUrl: string;
  readonly calendars: readonly DiscoveredCalendar[];
}

export type SyncTarget =
  | { readonly kind: 'all' }
  | { readonly kind: 'account'; readonly accountId: AccountId }
  | { readonly kind: 'calendar'; readonly calendarId: CalendarId };

/** Why a sync was asked for: decides nothing but is logged and shown ("synced on focus"). */
export type SyncReason = 'start' | 'focus' | 'online' | 'local-change' | 'interval' | 'user' | 'background';

/**
 * The user's answer when a calendar that had synced events suddenly lists none on the server
 * (docs/sync-rules.md rule 5, `syncState.emptyOnServer`).
 */
export const EmptyOnServerAnswer = {
  /** Accept the server's emptiness: delete this calendar's synced events here (local edits not yet
   *  sent and new events are kept and uploaded). */
  emptyHere: 'empty-here',
  /** Upload this device's events again, each as a create with If-None-Match: * (through the outbox). */
  putBack: 'put-back',
} as const;
export type EmptyOnServerAnswer = (typeof EmptyOnServerAnswer)[keyof typeof EmptyOnServerAnswer];

export interface SyncApi {
  /** Finds the calendars of an account without storing anything. Throws AppError with kinds
   *  auth / app-password-needed / server-not-found / not-caldav / host-not-allowed. */
  discoverCalDav(login: CalDavLogin): Promise<DiscoveryResult>;
  /** The calendars of a signed-in Microsoft account (`/me/calendars`, a token from the page's token
   *  source). Throws AppError auth (detail interaction-required: sign in again), network, server. */
  discoverGraph(input: GraphDiscoveryInput): Promise<DiscoveredCalendar[]>;
  /** The page hands the worker its token source (a Comlink proxy) at start; the last one registered is
   *  asked (src/core/sync/token-request.ts). The service worker never has one. */
  setTokenSource(source: TokenSource): Promise<void>;
  /** Stores the account (credentials encrypted) and the chosen calendars, then starts their first sync. */
  addAccount(account: NewAccountInput, calendars: readonly DiscoveredCalendar[]): Promise<AccountId>;
  /** Replaces the stored password and resumes the account's sync. */
  updatePassword(accountId: AccountId, password: string): Promise<void>;
  /** The user signed in again on the page (a Microsoft account, its `needsSignIn` cleared there):
   *  forgets the account's backoff, arms its timer and syncs it now, the edits that waited first. */
  resumeAccount(accountId: AccountId): Promise<void>;
  /** Removes the account, its calendars, events, outbox entries and credentials. */
  removeAccount(accountId: AccountId): Promise<void>;
  /** Pushes pending local changes, then pulls; resolves when done (errors are stored in syncState). */
  syncNow(target: SyncTarget, reason: SyncReason): Promise<void>;
  /** Applies the user's answer to the rule-5 question of a calendar (persisted with its effect in one
   *  transaction), then syncs it. Resolves false when no question was pending (answered elsewhere). */
  answerEmptyOnServer(calendarId: CalendarId, answer: EmptyOnServerAnswer): Promise<boolean>;
}
