/**
 * The account's calendars ("List calendars", `/me/calendars`, every page followed) as the engine's
 * DiscoveredCalendar: Outlook's name; the colour the user picked (`hexColor`), else the named
 * `color` in Outlook's palette; read-only when `canEdit` is false; default and owner (issue 11
 * point 3). A calendar's address is `<base>/me/calendars/<id>`: absolute, as the engine stores
 * `remoteUrl`, and only its last segment (the id, stable for calendars: docs/sync-rules.md rule 48)
 * is read back.
 */
import { AppError, ErrorKind } from '../../../../src/core/errors';
import type { DiscoveredCalendar } from '../../../../src/core/sync/sync-api';
import { unexpectedAnswer, type GraphClient } from './graph-client';
import { CalendarColor, readGraphCalendar, readGraphCollectionPage, type GraphCalendar } from './graph-types';

/**
 * Outlook's documented calendar background palette ([MS-OXOCFG] §2.2.9.15, PidTagWlinkCalendarColor,
 * learn.microsoft.com/openspecs/exchange_server_protocols/ms-oxocfg): Microsoft documents the RGB
 * values by index but not which index each calendarColor name is, so each name takes the entry of
 * its hue (index in the comment). The table has no orange: lightOrange, like `auto` and `maxColor`,
 * gets no colour and the app picks one.
 */
export const OUTLOOK_CALENDAR_PALETTE: Readonly<Record<CalendarColor, string | null>> = {
  [CalendarColor.auto]: null,
  [CalendarColor.lightBlue]: '#8daed9', // 0
  [CalendarColor.lightGreen]: '#9cbf8b', // 1
  [CalendarColor.lightOrange]: null,
  [CalendarColor.lightGray]: '#b0b6be', // 3
  [CalendarColor.lightYellow]: '#ffdf86', // 13
  [CalendarColor.lightTeal]: '#8bbfae', // 11
  [CalendarColor.lightPink]: '#d195aa', // 2
  [CalendarColor.lightBrown]: '#c3b08d', // 10
  [CalendarColor.lightRed]: '#d39696', // 7
  [CalendarColor.maxColor]: null,
};

const CALENDARS_PATH = '/me/calendars';

export function calendarUrl(baseUrl: string, calendarId: string): string {
  return `${baseUrl}${CALENDARS_PATH}/${encodeURIComponent(calendarId)}`;
}

/** The Graph calendar id of a stored `remoteUrl` (or of a bare id). */
export function calendarIdOf(remoteUrl: string): string {
  const cut = remoteUrl.lastIndexOf('/');
  return decodeURIComponent(cut < 0 ? remoteUrl : remoteUrl.slice(cut + 1));
}

function colourOf(calendar: GraphCalendar): string | null {
  if (/^#[0-9a-f]{6}$/i.test(calendar.hexColor)) return calendar.hexColor.toLowerCase();
  return OUTLOOK_CALENDAR_PALETTE[calendar.color];
}

export function toDiscoveredCalendar(baseUrl: string, calendar: GraphCalendar): DiscoveredCalendar {
  return {
    url: calendarUrl(baseUrl, calendar.id),
    name: calendar.name,
    color: colourOf(calendar),
    readOnly: !calendar.canEdit,
    supportsSyncCollection: true,
    isDefault: calendar.isDefaultCalendar,
    ...(calendar.owner ? { owner: calendar.owner } : {}),
  };
}

/** Every calendar of the mailbox, every page followed. */
export async function listCalendars(client: GraphClient): Promise<GraphCalendar[]> {
  const calendars: GraphCalendar[] = [];
  let next: string | undefined = CALENDARS_PATH;
  while (next !== undefined) {
    const answer = await client.send({ path: next });
    if (answer.status !== 200) throw unexpectedAnswer(answer, 'the list of calendars');
    try {
      const page = readGraphCollectionPage(answer.body);
      for (const raw of page.value) calendars.push(readGraphCalendar(raw));
      next = page['@odata.nextLink'];
    } catch (cause) {
      throw new AppError(
        {
          kind: ErrorKind.server,
          message: 'Microsoft 365 sent a list of calendars this app cannot read.',
          retryable: true,
          detail: cause instanceof Error ? cause.message : String(cause),
        },
        { cause },
      );
    }
  }
  return calendars;
}

export async function discoverCalendars(client: GraphClient): Promise<DiscoveredCalendar[]> {
  const calendars = await listCalendars(client);
  return calendars.map((calendar) => toDiscoveredCalendar(client.baseUrl, calendar));
}
