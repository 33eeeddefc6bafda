import { INTERACTION_REQUIRED } from '../../core/sync/token-request';

/** The `detail` of a sign-in AppError (kind auth) that the accounts UI and the banner word differently. */
export const SignInDetail = {
  /** Only the user can help: sign in again. */
  interactionRequired: INTERACTION_REQUIRED,
  /** The user closed the sign-in window. */
  cancelled: 'cancelled',
  /** The browser blocked the sign-in window. */
  popupBlocked: 'popup-blocked',
  /** No client id in the runtime configuration. */
  notConfigured: 'not-configured',
  /** The signed-in user is not the account's (sign in again as someone else). */
  otherUser: 'other-user',
} as const;
export type SignInDetail = (typeof SignInDetail)[keyof typeof SignInDetail];
