import { describe, expect, it } from 'vitest';
import { addChosenCalendars } from '../../../src/core/accounts/chosen-calendars';
import { CALENDAR_PALETTE } from '../../../src/core/model/calendar';
import type { AccountId } from '../../../src/core/model/ids';
import type { DiscoveredCalendar } from '../../../src/core/sync/sync-api';
import { freshDb, localCalendar, testContext } from '../data/helpers';

const found = (path: string, name: string, color: string | null): DiscoveredCalendar => ({
  url: `https://server.example/cal/${path}/`,
  name,
  color,
  readOnly: false,
  supportsSyncCollection: true,
});

describe('the calendars picked when an account is added (CalDAV and Microsoft 365 alike)', () => {
  it('stores each once, after the sidebar’s calendars, with the server’s colour or else the palette’s next', async () => {
    const db = freshDb();
    const ctx = testContext('2026-12-03T10:00:00Z');
    await localCalendar(db, ctx);
    const accountId = 'acc' as AccountId;
    await db.transaction('rw', db.calendars, () =>
      addChosenCalendars(
        db,
        accountId,
        [found('a', 'Work', '#2E7D32FF'), found('b', '', null), found('a', 'Work again', null)],
        ctx.now(),
      ),
    );
    const calendars = await db.calendars.where('accountId').equals(accountId).sortBy('order');
    expect(calendars.map((c) => [c.name, c.color, c.order, c.remoteUrl])).toEqual([
      ['Work', '#2e7d32', 1, 'https://server.example/cal/a/'],
      // No name: its URL; no colour: the palette's colour after the two calendars already there.
      ['https://server.example/cal/b/', CALENDAR_PALETTE[2], 2, 'https://server.example/cal/b/'],
    ]);
  });
});
