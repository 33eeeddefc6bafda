import { For, type JSX } from 'solid-js';
import { useCatalog } from '../../lib/i18n/locale';
import { agendaMessages, type AgendaMessageKey } from './agenda-messages';
import { AgendaView } from './agenda-route';

export interface AgendaToolbarProps {
  readonly view: AgendaView;
  /** The visible range, e.g. "March 2026". */
  readonly title: string;
  /** Id of the range heading, so the calendar's region can be named by it. */
  readonly titleId: string;
  readonly onToday: () => void;
  readonly onStep: (direction: -1 | 1) => void;
  readonly onView: (view: AgendaView) => void;
  readonly onNewEvent: () => void;
}

const VIEW_LABEL = {
  month: 'viewMonth',
  week: 'viewWeek',
  day: 'viewDay',
  list: 'viewList',
} as const satisfies Record<AgendaView, AgendaMessageKey>;

/** Our own toolbar (FullCalendar's is off): navigation, the range as a heading, views, New event. */
export function AgendaToolbar(props: AgendaToolbarProps): JSX.Element {
  const t = useCatalog(agendaMessages);
  return (
    <div class="agenda-toolbar">
      <div class="agenda-toolbar__nav">
        <button
          type="button"
          class="agenda-btn"
          onClick={() => {
            props.onToday();
          }}
        >
          {t('today')}
        </button>
        <button
          type="button"
          class="agenda-btn agenda-btn--icon"
          aria-label={t('previous')}
          onClick={() => {
            props.onStep(-1);
          }}
        >
          <span aria-hidden="true">‹</span>
        </button>
        <button
          type="button"
          class="agenda-btn agenda-btn--icon"
          aria-label={t('next')}
          onClick={() => {
            props.onStep(1);
          }}
        >
          <span aria-hidden="true">›</span>
        </button>
      </div>
      <h2 id={props.titleId} class="agenda-toolbar__title" aria-live="polite" elementtiming={props.titleId}>
        {props.title}
      </h2>
      <div class="agenda-toolbar__views" role="group" aria-label={t('viewGroup')}>
        <For each={Object.values(AgendaView)}>
          {(view) => (
            <button
              type="button"
              class="agenda-btn agenda-segment"
              aria-pressed={props.view === view}
              onClick={() => {
                props.onView(view);
              }}
            >
              {t(VIEW_LABEL[view])}
            </button>
          )}
        </For>
      </div>
      <button
        type="button"
        class="agenda-btn agenda-btn--primary"
        onClick={() => {
          props.onNewEvent();
        }}
      >
        {t('newEvent')}
      </button>
    </div>
  );
}
