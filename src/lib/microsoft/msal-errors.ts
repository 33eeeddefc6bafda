/**
 * MSAL's errors as AppErrors (errors are data with a kind): what only the user can fix is auth with
 * detail INTERACTION_REQUIRED ("sign in again"); a closed or blocked popup and the network have their
 * own words. Part of the MSAL chunk (it reads MSAL's error classes).
 */
import { AuthError, BrowserAuthErrorCodes, InteractionRequiredAuthError } from '@azure/msal-browser';
import { AppError, ErrorKind, isAppError } from '../../core/errors';
import { signInAgainError } from '../../core/sync/token-request';
import { SignInDetail } from './sign-in-detail';

const NETWORK: ReadonlySet<string> = new Set([
  BrowserAuthErrorCodes.noNetworkConnectivity,
  BrowserAuthErrorCodes.postRequestFailed,
  BrowserAuthErrorCodes.getRequestFailed,
  BrowserAuthErrorCodes.failedToParseResponse,
]);
const POPUP_BLOCKED: ReadonlySet<string> = new Set([
  BrowserAuthErrorCodes.popupWindowError,
  BrowserAuthErrorCodes.emptyWindowError,
]);

export function toSignInError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (error instanceof InteractionRequiredAuthError) return signInAgainError(error.message);
  if (!(error instanceof AuthError)) {
    return new AppError(
      { kind: ErrorKind.unknown, message: String(error), retryable: false },
      { cause: error },
    );
  }
  const code = error.errorCode;
  if (NETWORK.has(code)) {
    return new AppError({ kind: ErrorKind.network, message: error.message, retryable: true, detail: code });
  }
  if (code === BrowserAuthErrorCodes.userCancelled) {
    return new AppError({
      kind: ErrorKind.auth,
      message: error.message,
      retryable: false,
      detail: SignInDetail.cancelled,
    });
  }
  if (POPUP_BLOCKED.has(code)) {
    return new AppError({
      kind: ErrorKind.auth,
      message: error.message,
      retryable: false,
      detail: SignInDetail.popupBlocked,
    });
  }
  return new AppError({ kind: ErrorKind.auth, message: error.message, retryable: false, detail: code });
}
