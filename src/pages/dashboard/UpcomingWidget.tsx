import { createMemo, createUniqueId, For, Match, Switch, type JSX } from 'solid-js';
import { toAppErrorData } from '../../core/errors';
import { viewerZone } from '../../lib/db';
import { createMinuteClock } from '../../lib/clock';
import { errorMessage } from '../../lib/error-messages';
import { isoDateInZone } from '../../lib/format-time';
import { useCatalog } from '../../lib/i18n/locale';
import { agendaPath, AgendaView } from '../agenda/agenda-route';
import { dashboardMessages } from './dashboard-messages';
import { joinCandidates } from './join-candidates';
import { UpcomingGroupList } from './UpcomingGroupList';
import { useUpcoming } from './upcoming-data';
import { groupUpcoming } from './upcoming-groups';
import { useMeetingLinks } from './upcoming-meetings';

/** The dashboard's "Upcoming" section: the next events across visible calendars, grouped by day. */
export function UpcomingWidget(): JSX.Element {
  const t = useCatalog(dashboardMessages);
  const headingId = createUniqueId();
  const now = createMinuteClock();
  const upcoming = useUpcoming(now);
  const zone = viewerZone();
  const groups = createMemo(() => {
    const current = upcoming();
    return current.state === 'ready' ? groupUpcoming(current.value.occurrences, now(), zone) : [];
  });
  // "Join" for the meetings under way and the next one.
  const meetingLinks = useMeetingLinks(() => {
    const current = upcoming();
    return current.state === 'ready' ? joinCandidates(current.value.occurrences, now()) : [];
  });

  return (
    <section class="card upcoming" aria-labelledby={headingId}>
      <h2 id={headingId} class="card__title">
        {t('upcoming')}
      </h2>
      <Switch>
        <Match when={upcoming().state === 'loading'}>
          <p class="upcoming__status" role="status" aria-busy="true">
            {t('loading')}
          </p>
        </Match>
        <Match
          when={(() => {
            const current = upcoming();
            return current.state === 'error' ? current.error : undefined;
          })()}
        >
          {(error) => (
            <div class="upcoming__status" role="alert">
              <p>{t('loadFailed')}</p>
              <p class="muted">{errorMessage(toAppErrorData(error())).action}</p>
            </div>
          )}
        </Match>
        <Match
          when={(() => {
            const current = upcoming();
            return current.state === 'ready' ? current.value : undefined;
          })()}
        >
          {(data) => (
            <Switch>
              <Match when={groups().length === 0}>
                <div class="upcoming__empty">
                  <p class="upcoming__empty-title">{t('empty')}</p>
                  <p class="muted">{t('emptyHint')}</p>
                  <a class="button" href={`${agendaPath(AgendaView.week, isoDateInZone(now(), zone))}?new=1`}>
                    {t('addEvent')}
                  </a>
                </div>
              </Match>
              <Match when={groups().length > 0}>
                <For each={groups()}>
                  {(group) => (
                    <UpcomingGroupList
                      group={group}
                      data={data()}
                      now={now()}
                      zone={zone}
                      meetingLinks={meetingLinks()}
                    />
                  )}
                </For>
              </Match>
            </Switch>
          )}
        </Match>
      </Switch>
    </section>
  );
}
