import { BrowserAuthError, InteractionRequiredAuthError } from '@azure/msal-browser';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/errors';
import { INTERACTION_REQUIRED } from '../../../src/core/sync/token-request';
import { toSignInError } from '../../../src/lib/microsoft/msal-errors';
import { SignInDetail } from '../../../src/lib/microsoft/sign-in-detail';

describe('MSAL’s errors as AppErrors', () => {
  it('makes "interaction required" the sign-in-again error (docs/sync-rules.md rule 51)', () => {
    const error = toSignInError(new InteractionRequiredAuthError('invalid_grant', 'refresh token expired'));
    expect(error).toMatchObject({ kind: 'auth', detail: INTERACTION_REQUIRED, retryable: false });
  });

  it('tells a closed window from a blocked one', () => {
    expect(toSignInError(new BrowserAuthError('user_cancelled', ''))).toMatchObject({
      kind: 'auth',
      detail: SignInDetail.cancelled,
    });
    expect(toSignInError(new BrowserAuthError('popup_window_error', ''))).toMatchObject({
      kind: 'auth',
      detail: SignInDetail.popupBlocked,
    });
  });

  it('makes a network failure retryable', () => {
    expect(toSignInError(new BrowserAuthError('no_network_connectivity', ''))).toMatchObject({
      kind: 'network',
      retryable: true,
    });
  });

  it('keeps an AppError as it is, and anything else is unknown', () => {
    const own = new AppError({ kind: 'server', message: 'x', retryable: true });
    expect(toSignInError(own)).toBe(own);
    expect(toSignInError(new Error('odd'))).toMatchObject({ kind: 'unknown' });
  });
});
