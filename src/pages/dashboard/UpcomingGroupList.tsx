import { createUniqueId, For, Show, type JSX } from 'solid-js';
import { JoinMeetingLink } from '../../components/meetings/JoinMeetingLink';
import type { MeetingLink } from '../../core/meetings/meeting-link';
import type { OccurrenceId } from '../../core/model/ids';
import { eventTitle } from '../../lib/event-title';
import { formatDayHeading, isoDateInZone } from '../../lib/format-time';
import { intlLocale, useCatalog } from '../../lib/i18n/locale';
import { agendaPath, AgendaView } from '../agenda/agenda-route';
import { dashboardMessages } from './dashboard-messages';
import type { UpcomingData } from './upcoming-data';
import type { UpcomingGroup, UpcomingItem } from './upcoming-groups';
import { formatWhen } from './upcoming-when';

interface GroupProps {
  readonly group: UpcomingGroup;
  readonly data: UpcomingData;
  readonly now: number;
  readonly zone: string;
  /** "Join" links of the meetings under way and the next one (upcoming-meetings.ts). */
  readonly meetingLinks: ReadonlyMap<OccurrenceId, MeetingLink>;
}

/** One day of the upcoming list: its heading (Today, Tomorrow, or the date) and its events. */
export function UpcomingGroupList(props: GroupProps): JSX.Element {
  const t = useCatalog(dashboardMessages);
  const headingId = createUniqueId();
  const heading = (): string => {
    switch (props.group.kind) {
      case 'today':
        return t('today');
      case 'tomorrow':
        return t('tomorrow');
      case 'later':
        return formatDayHeading(props.group.date, intlLocale(), isoDateInZone(props.now, props.zone));
    }
  };
  return (
    <div class="upcoming__group" role="group" aria-labelledby={headingId}>
      <h3 id={headingId} class="upcoming__day">
        {heading()}
      </h3>
      <ul class="upcoming__list">
        <For each={props.group.items}>
          {(item) => (
            <UpcomingEntry
              item={item}
              date={props.group.date}
              data={props.data}
              zone={props.zone}
              meetingLink={props.meetingLinks.get(item.occurrence.id)}
            />
          )}
        </For>
      </ul>
    </div>
  );
}

interface EntryProps {
  readonly item: UpcomingItem;
  readonly date: string;
  readonly data: UpcomingData;
  readonly zone: string;
  readonly meetingLink: MeetingLink | undefined;
}

function UpcomingEntry(props: EntryProps): JSX.Element {
  const t = useCatalog(dashboardMessages);
  const occurrence = () => props.item.occurrence;
  const calendar = () => props.data.calendars.get(occurrence().calendarId);
  const href = () => `${agendaPath(AgendaView.day, props.date)}?event=${encodeURIComponent(occurrence().id)}`;
  const when = () =>
    formatWhen(occurrence(), {
      timeZone: props.zone,
      locale: intlLocale(),
      listedOn: props.date,
      labels: { allDay: t('allDay'), allDaySpan: (span) => t('allDaySpan', { span }) },
    });
  return (
    <li class="upcoming__entry">
      <a class="upcoming__item" href={href()}>
        <span
          class="upcoming__dot"
          style={{ 'background-color': calendar()?.color ?? 'var(--fg-muted)' }}
          aria-hidden="true"
        />
        <span class="upcoming__when">
          <Show when={props.item.inProgress && !occurrence().allDay}>
            <span class="upcoming__now">{t('now')}</span>{' '}
          </Show>
          <span class="upcoming__time">{when()}</span>
        </span>
        <span class="upcoming__what">
          <span class="upcoming__title">{eventTitle(occurrence().summary)}</span>
          <Show when={occurrence().location}>
            <span class="upcoming__location">{occurrence().location}</span>
          </Show>
          <Show when={calendar()}>
            {(found) => <span class="visually-hidden">{t('calendar', { name: found().name })}</span>}
          </Show>
        </span>
      </a>
      <Show when={props.meetingLink}>
        {(link) => (
          <JoinMeetingLink link={link()} title={eventTitle(occurrence().summary)} class="upcoming__join" />
        )}
      </Show>
    </li>
  );
}
