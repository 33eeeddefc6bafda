import { afterEach, describe, expect, it } from 'vitest';
import { ErrorKind } from '../../../src/core/errors';
import { feedUrl } from '../../../src/core/subscriptions/feed-url';
import { refreshDue, startSubscriptionRefresh } from '../../../src/core/subscriptions/refresh-scheduler';
import { refreshSubscription } from '../../../src/core/subscriptions/refresh-subscription';
import { previewFeed, subscribe } from '../../../src/core/subscriptions/subscribe';
import type { AlmanacDb } from '../../../src/core/db/almanac-db';
import type { CalendarId } from '../../../src/core/model/ids';
import { fixture, fixtureBytes } from '../ical/fixture';
import { freshDb, testContext, type TestContext } from '../data/helpers';
import { startFeedServer, type FeedServer } from './feed-server';

let server: FeedServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function summaries(db: AlmanacDb, calendarId: CalendarId): Promise<string[]> {
  const events = await db.events.where('calendarId').equals(calendarId).toArray();
  return events.map((event) => event.summary).sort();
}

async function subscribed(): Promise<{ db: AlmanacDb; ctx: TestContext; id: CalendarId; feed: FeedServer }> {
  const feed = await startFeedServer(fixture('subscription-feed-town-events.ics'));
  server = feed;
  const db = freshDb();
  const ctx = testContext('2026-11-20T10:00:00Z');
  const preview = await previewFeed(fetch, feed.url);
  const id = await subscribe(db, { preview, name: preview.name, color: '#1a7f37' }, ctx);
  return { db, ctx, id, feed };
}

describe('feedUrl', () => {
  it('turns webcal: into https: and refuses what is not a web address', () => {
    expect(feedUrl(' webcal://example.org/a.ics ')).toBe('https://example.org/a.ics');
    expect(feedUrl('webcals://example.org/a.ics')).toBe('https://example.org/a.ics');
    expect(() => feedUrl('ftp://example.org/a.ics')).toThrow(/webcal/);
    expect(() => feedUrl('https://user:pw@example.org/a.ics')).toThrow(/password/);
  });
});

describe('subscriptions against a local HTTP server', () => {
  it('previews and subscribes: a read-only calendar holding the feed, with its validators', async () => {
    const { db, id } = await subscribed();
    const calendar = await db.calendars.get(id);
    expect(calendar).toMatchObject({ name: 'Town events', readOnly: true });
    expect(calendar?.subscription).toMatchObject({ etag: '"v1"', refreshMinutes: 60, lastError: null });
    expect(await summaries(db, id)).toEqual(['Brass band concert', 'Farmers market']);
  });

  it('a feed that folds lines inside UTF-8 characters keeps é, € and 🎉 (CRLF and LF)', async () => {
    const feed = await startFeedServer(fixtureBytes('folds-inside-utf8-characters-crlf.ics'));
    server = feed;
    const first = await previewFeed(fetch, feed.url);
    expect(first.name).toBe('Café club');
    expect(first.content.entries.map((entry) => entry.summary)).toEqual(['Café crème']);
    feed.publish(fixtureBytes('folds-inside-utf8-characters-lf.ics'));
    const db = freshDb();
    const ctx = testContext('2026-11-20T10:00:00Z');
    const preview = await previewFeed(fetch, feed.url);
    const id = await subscribe(db, { preview, name: preview.name, color: '#1a7f37' }, ctx);
    const [event] = await db.events.where('calendarId').equals(id).toArray();
    expect(event?.summary).toBe('Café crème');
    expect(event?.ics).toContain('Fête 🎉 puis 🎉 et 🎉 fin');
  });

  it('refuses a second subscription to the same feed', async () => {
    const { db, ctx, feed } = await subscribed();
    const again = await previewFeed(fetch, feed.url);
    await expect(
      subscribe(db, { preview: again, name: 'Twice', color: '#1a7f37' }, ctx),
    ).rejects.toMatchObject({
      kind: ErrorKind.conflict,
    });
    expect(await db.calendars.count()).toBe(1);
  });

  it('sends the validators back: an unchanged feed answers 304 and nothing is rewritten', async () => {
    const { db, ctx, id, feed } = await subscribed();
    const before = await db.events.where('calendarId').equals(id).toArray();
    ctx.set('2026-11-20T11:00:00Z');
    expect(await refreshSubscription({ db, ctx, fetch }, id)).toEqual({ status: 'not-modified' });
    expect(feed.requests.at(-1)?.['if-none-match']).toBe('"v1"');
    expect(feed.requests.at(-1)?.['if-modified-since']).toBe('Sun, 01 Nov 2026 00:00:00 GMT');
    expect(await db.events.where('calendarId').equals(id).toArray()).toEqual(before);
    expect((await db.calendars.get(id))?.subscription?.lastCheckedAt).toBe(ctx.now());
  });

  it('replaces the events by UID: changed ones updated, new ones added, gone ones deleted', async () => {
    const { db, ctx, id, feed } = await subscribed();
    const market = await db.events.where('[calendarId+uid]').equals([id, 'market@town.example']).first();
    feed.publish(fixture('subscription-feed-town-events-updated.ics'));
    const outcome = await refreshSubscription({ db, ctx, fetch }, id);
    expect(outcome).toEqual({ status: 'updated', added: 1, updated: 1, removed: 1 });
    expect(await summaries(db, id)).toEqual(['Farmers market (moved indoors)', 'Lighting of the tree']);
    const after = await db.events.where('[calendarId+uid]').equals([id, 'market@town.example']).first();
    expect(after?.id).toBe(market?.id);
    expect(await db.occurrences.where('[calendarId+start]').between([id, 0], [id, Infinity]).count()).toBe(2);
    expect((await db.calendars.get(id))?.subscription?.etag).toBe('"v2"');
  });

  it('records a failure and keeps the events', async () => {
    const { db, ctx, id, feed } = await subscribed();
    feed.failWith(500);
    const outcome = await refreshSubscription({ db, ctx, fetch }, id);
    expect(outcome).toMatchObject({ status: 'failed' });
    expect((await db.calendars.get(id))?.subscription?.lastError).toMatch(/500/);
    expect(await summaries(db, id)).toHaveLength(2);
    feed.failWith(404);
    await expect(previewFeed(fetch, feed.url)).rejects.toMatchObject({ kind: ErrorKind.notFound });
  });

  it('keeps the events when the feed suddenly holds none, and says so (like docs/sync-rules.md rule 5)', async () => {
    const { db, ctx, id, feed } = await subscribed();
    feed.publish('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Town//EN\r\nEND:VCALENDAR\r\n');
    const outcome = await refreshSubscription({ db, ctx, fetch }, id);
    expect(outcome.status).toBe('failed');
    expect(outcome.status === 'failed' ? outcome.message : '').toMatch(/no events.*2 already/);
    expect(await summaries(db, id)).toHaveLength(2);
    const subscription = (await db.calendars.get(id))?.subscription;
    expect(subscription?.etag).toBe('"v1"'); // not the empty version's: the next refresh fetches again
    feed.publish(fixture('subscription-feed-town-events-updated.ics'));
    expect(await refreshSubscription({ db, ctx, fetch }, id)).toMatchObject({ status: 'updated' });
    expect((await db.calendars.get(id))?.subscription?.lastError).toBeNull();
  });

  it('refreshes what is due on the schedule (hourly by default), not before', async () => {
    const { db, ctx, feed } = await subscribed();
    const requestsAfterSubscribe = feed.requests.length;
    ctx.set('2026-11-20T10:30:00Z');
    expect(await refreshDue({ db, ctx, fetch, schedule: () => () => undefined })).toBe(
      Date.parse('2026-11-20T11:00:00Z'),
    );
    expect(feed.requests).toHaveLength(requestsAfterSubscribe);

    ctx.set('2026-11-20T11:00:00Z');
    const delays: number[] = [];
    const refreshed = new Promise<string>((resolve) => {
      const stop = startSubscriptionRefresh({
        db,
        ctx,
        fetch,
        schedule: (ms) => {
          delays.push(ms);
          stop();
          return () => undefined;
        },
        onRefreshed: (_calendar, outcome) => {
          resolve(outcome.status);
        },
      });
    });
    expect(await refreshed).toBe('not-modified');
    expect(feed.requests).toHaveLength(requestsAfterSubscribe + 1);
    await expect.poll(() => delays.length).toBe(1);
    expect(delays[0]).toBe(5 * 60_000);
  });
});
