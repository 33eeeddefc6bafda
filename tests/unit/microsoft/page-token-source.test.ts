import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/errors';
import { signInAgainError } from '../../../src/core/sync/token-request';
import { createPageTokenSource } from '../../../src/lib/microsoft/page-token-source';

// docs/sync-rules.md rule 51: what only the user can fix is "sign in again", shown at once.
describe('the page’s token source', () => {
  it('answers a token, passing on the refused one', async () => {
    const asked: (string | null)[] = [];
    const source = createPageTokenSource({
      tokenFor: (_id, refused) => {
        asked.push(refused);
        return Promise.resolve('fresh');
      },
      needsSignIn: () => Promise.reject(new Error('not expected')),
    });
    expect(await source.token({ homeAccountId: 'h', refused: 'stale' })).toEqual({
      kind: 'token',
      accessToken: 'fresh',
    });
    expect(asked).toEqual(['stale']);
  });

  it('marks the user’s accounts and answers "needs sign-in" when MSAL needs the user', async () => {
    const marked: string[] = [];
    const source = createPageTokenSource({
      tokenFor: () => Promise.reject(signInAgainError('refresh token expired')),
      needsSignIn: (id) => {
        marked.push(id);
        return Promise.resolve();
      },
    });
    expect(await source.token({ homeAccountId: 'h', refused: null })).toEqual({ kind: 'needs-sign-in' });
    expect(marked).toEqual(['h']);
  });

  it('passes other failures on as data, marking nothing', async () => {
    const marked: string[] = [];
    const source = createPageTokenSource({
      tokenFor: () => Promise.reject(new AppError({ kind: 'network', message: 'offline', retryable: true })),
      needsSignIn: (id) => {
        marked.push(id);
        return Promise.resolve();
      },
    });
    expect(await source.token({ homeAccountId: 'h', refused: null })).toMatchObject({
      kind: 'failed',
      error: { kind: 'network', retryable: true },
    });
    expect(marked).toEqual([]);
  });
});
