/**
 * "Sign in again" for a Microsoft account whose sign-in ran out (docs/sync-rules.md rule 51): the
 * sign-in popup, hinted with the account's user; the same user clears the account's flag and its sync
 * resumes (`SyncApi.resumeAccount`: the edits that waited go first). Someone else signing in changes
 * nothing. The banner and Settings › Accounts reach it through sign-in-again-action.ts.
 */
import { markSignedInAgain } from '../../core/accounts/graph-account-repo';
import { AppError, ErrorKind } from '../../core/errors';
import type { GraphAccount } from '../../core/model/account';
import { db } from '../db';
import { syncApi } from '../sync-client';
import { signIn } from './microsoft-auth';
import { SignInDetail } from './sign-in-detail';

export async function signInAgain(account: GraphAccount): Promise<void> {
  const user = await signIn(account.username);
  const sameUser =
    user.homeAccountId === account.homeAccountId ||
    user.username.toLowerCase() === account.username.toLowerCase();
  if (!sameUser) {
    throw new AppError({
      kind: ErrorKind.auth,
      message: `Signed in as ${user.username}, not as ${account.username}.`,
      retryable: false,
      detail: SignInDetail.otherUser,
    });
  }
  // The flag first (the banner goes, the scheduler may pick the account up again), then the worker
  // forgets the account's backoff and syncs it at once (a plain sync request would keep the backoff).
  if (await markSignedInAgain(db, account.id, user.homeAccountId)) {
    await syncApi.resumeAccount(account.id);
  }
}
