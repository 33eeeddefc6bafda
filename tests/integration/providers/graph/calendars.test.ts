// Calendars of a Microsoft 365 account (issue 11 point 3): every page of /me/calendars, Outlook's
// names and colours (hexColor, else the named colour in Outlook's palette), canEdit, default, owner.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  calendarIdOf,
  discoverCalendars,
  OUTLOOK_CALENDAR_PALETTE,
} from '../../../../workers/sync/providers/graph/calendars';
import { startGraphServer, type GraphServer } from '../../../servers/graph/index';
import { graphClientFor } from './graph-kit';

let graph: GraphServer;

beforeEach(async () => {
  graph = await startGraphServer();
});

afterEach(async () => {
  await graph.stop();
});

describe('discoverCalendars', () => {
  it('follows every page and maps name, colour, read-only, default and owner', async () => {
    const team = graph.seed.calendar({ name: 'Team', color: 'lightGreen', canEdit: true });
    const picked = graph.seed.calendar({ name: 'Picked', color: 'lightRed', hexColor: '#A1B2C3' });
    const shared = graph.seed.calendar({
      name: 'Boss',
      canEdit: false,
      owner: { name: 'Boss', address: 'boss@contoso.example' },
    });
    for (let index = 0; index < 12; index += 1) graph.seed.calendar({ name: `Extra ${index}` });
    const client = graphClientFor(graph);
    const calendars = await discoverCalendars(client);
    expect(calendars).toHaveLength(16);
    expect(graph.stats().byKind['calendars']).toBe(2);
    const byName = new Map(calendars.map((calendar) => [calendar.name, calendar]));
    expect(byName.get('Team')).toMatchObject({
      color: OUTLOOK_CALENDAR_PALETTE.lightGreen,
      readOnly: false,
      isDefault: false,
      supportsSyncCollection: true,
    });
    expect(byName.get('Picked')?.color).toBe('#a1b2c3');
    expect(byName.get('Boss')).toMatchObject({
      readOnly: true,
      owner: { name: 'Boss', address: 'boss@contoso.example' },
    });
    expect(byName.get('Calendar')).toMatchObject({ isDefault: true, color: null });
    expect(calendarIdOf(byName.get('Team')?.url ?? '')).toBe(team.id);
    expect(calendarIdOf(byName.get('Picked')?.url ?? '')).toBe(picked.id);
    expect(calendarIdOf(byName.get('Boss')?.url ?? '')).toBe(shared.id);
    expect(byName.get('Team')?.url.startsWith(`${graph.baseUrl}/me/calendars/`)).toBe(true);
  });
});
