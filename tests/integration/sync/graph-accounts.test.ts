import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INTERACTION_REQUIRED,
  type TokenRequest,
  type TokenSource,
} from '../../../src/core/sync/token-request';
import { createGraphAccounts } from '../../../workers/sync/graph-accounts';
import { freshDb, testContext } from '../../unit/data/helpers';
import { startGraphServer, type GraphServer } from '../../servers/graph';

/**
 * The sync worker's side of adding a Microsoft account (docs/sync-rules.md rules 50–51): the calendars
 * of the signed-in user are listed from the Graph test server with tokens asked of the page's token
 * source; a refused token is handed back for a new one; "only the user can help" is auth +
 * interaction-required, which the page shows as "Sign in again".
 */
let graph: GraphServer;

beforeAll(async () => {
  graph = await startGraphServer();
  graph.seed.calendar({ name: 'Team events', hexColor: '#2e7d32', canEdit: false });
});

afterAll(async () => {
  await graph.stop();
});

function accountsWith(source: TokenSource | null) {
  const accounts = createGraphAccounts({
    db: freshDb(),
    fetch: (input, init) => fetch(input, init),
    ctx: testContext('2026-12-03T10:00:00Z'),
    random: () => 0.5,
    sleep: () => Promise.resolve(),
  });
  if (source !== null) accounts.setTokenSource(source);
  return accounts;
}

describe('adding a Microsoft account in the sync worker', () => {
  it('lists the calendars with a token from the page', async () => {
    const asked: TokenRequest[] = [];
    const accounts = accountsWith({
      token: (request) => {
        asked.push(request);
        return Promise.resolve({ kind: 'token', accessToken: graph.token });
      },
    });
    const calendars = await accounts.discover({ homeAccountId: 'uid.tid', graphBaseUrl: graph.baseUrl });
    expect(calendars.map((c) => [c.name, c.readOnly])).toEqual([
      ['Calendar', false],
      ['Team events', true],
    ]);
    expect(asked).toEqual([{ homeAccountId: 'uid.tid', refused: null }]);
  });

  it('hands a refused token back and uses the new one', async () => {
    const stale = graph.auth.issue();
    graph.auth.expire(stale);
    const asked: TokenRequest[] = [];
    const accounts = accountsWith({
      token: (request) => {
        asked.push(request);
        return Promise.resolve({
          kind: 'token',
          accessToken: request.refused === null ? stale : graph.token,
        });
      },
    });
    await accounts.discover({ homeAccountId: 'uid.tid', graphBaseUrl: graph.baseUrl });
    expect(asked).toEqual([
      { homeAccountId: 'uid.tid', refused: null },
      { homeAccountId: 'uid.tid', refused: stale },
    ]);
  });

  it('says "sign in again" when only the user can get a token', async () => {
    const accounts = accountsWith({ token: () => Promise.resolve({ kind: 'needs-sign-in' }) });
    await expect(
      accounts.discover({ homeAccountId: 'uid.tid', graphBaseUrl: graph.baseUrl }),
    ).rejects.toMatchObject({
      kind: 'auth',
      detail: INTERACTION_REQUIRED,
    });
  });

  it('waits for a page when none registered its token source', async () => {
    await expect(
      accountsWith(null).discover({ homeAccountId: 'uid.tid', graphBaseUrl: graph.baseUrl }),
    ).rejects.toMatchObject({ kind: 'network', retryable: true });
  });
});
