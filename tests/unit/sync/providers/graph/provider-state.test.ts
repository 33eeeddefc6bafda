// The Graph provider's own state (workers/sync/providers/graph/provider-state.ts): kept per cursor so
// a round asked again from the old cursor finds the old map, read back through a validator, stored in
// the providerState table by account and removed with the account.
import { describe, expect, it } from 'vitest';
import { removeAccount } from '../../../../../src/core/accounts/account-removal';
import { createAlmanacDb } from '../../../../../src/core/db/almanac-db';
import type { AccountId } from '../../../../../src/core/model/ids';
import {
  afterRound,
  calendarStates,
  dexieProviderState,
  EMPTY_STATE,
  memoryProviderState,
  membersAt,
  readGraphCalendarState,
  withLatestMembers,
} from '../../../../../workers/sync/providers/graph/provider-state';

describe('members kept per cursor', () => {
  it('keeps the map a round started from beside the one it ended at, and drops older ones', () => {
    const first = afterRound(EMPTY_STATE, null, 'c1', { a: 'a', o1: 'm' });
    const second = afterRound(first, 'c1', 'c2', { a: 'a' });
    expect(membersAt(second, 'c1')).toEqual({ a: 'a', o1: 'm' });
    expect(membersAt(second, 'c2')).toEqual({ a: 'a' });
    const third = afterRound(second, 'c2', 'c3', {});
    expect(membersAt(third, 'c1')).toBeNull();
    expect(third.snapshots.map((snapshot) => snapshot.at)).toEqual(['c2', 'c3']);
  });

  it('a listing (no cursor) starts over', () => {
    const state = afterRound(afterRound(EMPTY_STATE, null, 'c1', { a: 'a' }), null, 'c9', { b: 'b' });
    expect(state.snapshots).toEqual([{ at: 'c9', members: { b: 'b' } }]);
  });

  it('fetched instances replace the latest map only', () => {
    const state = afterRound(afterRound(EMPTY_STATE, null, 'c1', { o1: 'm' }), 'c1', 'c2', {
      o1: 'm',
      o2: 'm',
    });
    const fetched = withLatestMembers(state, { o2: 'm' });
    expect(membersAt(fetched, 'c1')).toEqual({ o1: 'm' });
    expect(membersAt(fetched, 'c2')).toEqual({ o2: 'm' });
  });

  it('reads anything unreadable as nothing kept', () => {
    expect(readGraphCalendarState(null)).toEqual(EMPTY_STATE);
    expect(readGraphCalendarState({ snapshots: [{ at: 'c', members: { a: 1 } }] })).toEqual(EMPTY_STATE);
    expect(readGraphCalendarState({ snapshots: 'x' })).toEqual(EMPTY_STATE);
    const good = { snapshots: [{ at: 'c', members: { a: 'm' } }] };
    expect(readGraphCalendarState(good)).toEqual(good);
  });
});

describe('changes one at a time', () => {
  it('two changes of one calendar started together both land', async () => {
    const states = calendarStates(memoryProviderState(), (url) => url);
    const calendar = { remoteUrl: 'cal' };
    await Promise.all([
      states.update(calendar, (state) => ({ ...state, created: { ...state.created, a: 'A' } })),
      states.update(calendar, (state) => ({ ...state, created: { ...state.created, b: 'B' } })),
    ]);
    expect((await states.read(calendar)).created).toEqual({ a: 'A', b: 'B' });
  });
});

describe('the providerState table', () => {
  it('stores per account and calendar, and removing the account removes it', async () => {
    const db = createAlmanacDb(`almanac-provider-state-${crypto.randomUUID()}`);
    const accountId = 'acct-graph' as AccountId;
    await db.accounts.put({ id: accountId, kind: 'graph' } as never);
    const store = dexieProviderState(db, accountId);
    const other = dexieProviderState(db, 'acct-other');
    await store.write('cal-1', { snapshots: [] });
    await other.write('cal-1', { kept: true });
    expect(await store.read('cal-1')).toEqual({ snapshots: [] });
    expect(await other.read('cal-1')).toEqual({ kept: true });
    await removeAccount(db, accountId);
    expect(await store.read('cal-1')).toBeUndefined();
    expect(await other.read('cal-1')).toEqual({ kept: true });
    db.close();
  });
});
