import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/errors';
import {
  bearerTokenFor,
  INTERACTION_REQUIRED,
  type TokenAnswer,
  type TokenRequest,
  type TokenSource,
} from '../../../src/core/sync/token-request';

function sourceAnswering(answer: TokenAnswer, asked: TokenRequest[]): TokenSource {
  return {
    token: (request) => {
      asked.push(request);
      return Promise.resolve(answer);
    },
  };
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

// docs/sync-rules.md rule 50: the worker asks the page for tokens.
describe('bearerTokenFor', () => {
  it('asks the page for the account, passing the refused token', async () => {
    const asked: TokenRequest[] = [];
    const token = bearerTokenFor(
      () => sourceAnswering({ kind: 'token', accessToken: 'fresh' }, asked),
      'home-1',
    );
    expect(await token()).toBe('fresh');
    expect(await token('stale')).toBe('fresh');
    expect(asked).toEqual([
      { homeAccountId: 'home-1', refused: null },
      { homeAccountId: 'home-1', refused: 'stale' },
    ]);
  });

  it('turns "needs sign-in" into an auth error the UI recognises', async () => {
    const error = await caught(bearerTokenFor(() => sourceAnswering({ kind: 'needs-sign-in' }, []), 'h')());
    expect(error.kind).toBe('auth');
    expect(error.detail).toBe(INTERACTION_REQUIRED);
    expect(error.retryable).toBe(false);
  });

  it('passes other failures on with their kind', async () => {
    const failed: TokenAnswer = {
      kind: 'failed',
      error: { kind: 'network', message: 'offline', retryable: true },
    };
    const error = await caught(bearerTokenFor(() => sourceAnswering(failed, []), 'h')());
    expect(error.kind).toBe('network');
    expect(error.retryable).toBe(true);
  });

  it('says so when no page can be asked (the service worker)', async () => {
    const error = await caught(bearerTokenFor(() => null, 'h')());
    expect(error.kind).toBe('network');
    expect(error.detail).toBe('no-token-source');
  });
});
