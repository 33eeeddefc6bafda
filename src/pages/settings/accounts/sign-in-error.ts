import { ErrorKind, type AppErrorData } from '../../../core/errors';
import { SignInDetail } from '../../../lib/microsoft/sign-in-detail';

/** The sign-in errors with their own words (microsoft-messages.ts); null: the general words (ErrorNote). */
export function signInErrorKey(
  error: AppErrorData,
): 'cancelled' | 'popupBlocked' | 'otherUser' | 'notConfigured' | null {
  if (error.kind !== ErrorKind.auth) return null;
  switch (error.detail) {
    case SignInDetail.cancelled:
      return 'cancelled';
    case SignInDetail.popupBlocked:
      return 'popupBlocked';
    case SignInDetail.otherUser:
      return 'otherUser';
    case SignInDetail.notConfigured:
      return 'notConfigured';
    default:
      return null;
  }
}
