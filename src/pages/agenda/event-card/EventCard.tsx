import {
  createMemo,
  createSignal,
  createUniqueId,
  For,
  Match,
  onCleanup,
  onMount,
  Show,
  Switch,
  type JSX,
} from 'solid-js';
import { JoinMeetingLink } from '../../../components/meetings/JoinMeetingLink';
import { loadEventDetails, type EventForDetails } from '../../../core/agenda/commands/load-event-details';
import type { EditScope, EventDraft } from '../../../core/ical/event-draft';
import type { Calendar } from '../../../core/model/calendar';
import type { CalendarId } from '../../../core/model/ids';
import { db, pageContext, viewerZone } from '../../../lib/db';
import { eventTitle } from '../../../lib/event-title';
import { intlLocale, useCatalog } from '../../../lib/i18n/locale';
import { createLiveQuery } from '../../../lib/live-query';
import { agendaMessages } from '../agenda-messages';
import { appErrorMessage } from '../app-error-message';
import type { OccurrenceRef } from '../occurrence-ref';
import { saveWrite } from '../pending-writes';
import { cardPosition } from './card-position';
import { descriptionParts } from './description-parts';
import { eventCardMessages } from './event-card-messages';
import {
  eventZoneText,
  guestCountText,
  guestLines,
  reminderText,
  repeatText,
  whenText,
  type CardFormat,
} from './event-card-model';
import './event-card.css';

/** What opens the card: the occurrence, and the element it was opened from (null from a link). */
export interface CardRequest {
  readonly ref: OccurrenceRef;
  readonly occurrenceId: string;
  readonly anchor: HTMLElement | null;
}

export interface EventCardProps {
  readonly request: CardRequest;
  readonly calendars: readonly Calendar[];
  readonly askScope: () => Promise<EditScope | null>;
  readonly confirmDelete: (title: string) => Promise<boolean>;
  readonly onEdit: (ref: OccurrenceRef) => void;
  /** Opens the editor on a new event with these fields, in this calendar (null: the default one). */
  readonly onDuplicate: (draft: EventDraft, calendarId: CalendarId | null) => void;
  readonly onClose: () => void;
}

/** Phones get a bottom sheet (CSS, same breakpoint); wider screens a popover beside the event. */
const SHEET_QUERY = '(max-width: 600px)';

/** Focus goes back to the event (FullCalendar may have drawn it anew meanwhile), else to the page. */
function returnFocus(request: CardRequest): void {
  const selector = `[data-occurrence-id="${CSS.escape(request.occurrenceId)}"]`;
  const target =
    document.querySelector<HTMLElement>(`.agenda-calendar ${selector}`) ??
    (request.anchor?.isConnected === true ? request.anchor : null) ??
    document.getElementById('main');
  target?.focus();
}

/**
 * The event details card (issue 12): a modal <dialog> (focus kept inside, Escape closes, focus back to
 * the event), beside the event on a desktop and a bottom sheet on a phone. Reads the event live, so a
 * sync that changes it while open shows the change; Edit, Delete and Duplicate go through the editor
 * and the agenda's one write path.
 */
export function EventCard(props: EventCardProps): JSX.Element {
  const t = useCatalog(eventCardMessages);
  const ta = useCatalog(agendaMessages);
  const titleId = createUniqueId();
  const zone = viewerZone();
  // Read once: the page keys the card by its request (<Show keyed>), so a new one is a new card.
  // eslint-disable-next-line solid/reactivity
  const request = props.request;
  let dialog: HTMLDialogElement | undefined;
  const loaded = createLiveQuery(() => loadEventDetails(db, request.ref, pageContext()));
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<string | null>(null);
  const format = (): CardFormat => ({ t, locale: intlLocale(), viewerZone: zone });

  const ready = createMemo((): EventForDetails | null => {
    const result = loaded();
    return result.state === 'ready' ? result.value : null;
  });
  const calendar = (): Calendar | undefined => {
    const current = ready();
    return current ? props.calendars.find((c) => c.id === current.calendarId) : undefined;
  };

  const place = (): void => {
    if (!dialog || window.matchMedia(SHEET_QUERY).matches) return;
    const anchor = request.anchor?.isConnected === true ? request.anchor.getBoundingClientRect() : null;
    const box = dialog.getBoundingClientRect();
    const viewport = { width: window.innerWidth, height: window.innerHeight };
    const at = anchor
      ? cardPosition(anchor, box, viewport, getComputedStyle(dialog).direction === 'rtl')
      : { left: (viewport.width - box.width) / 2, top: Math.max(8, (viewport.height - box.height) / 3) };
    dialog.style.setProperty('--event-card-left', `${Math.round(at.left)}px`);
    dialog.style.setProperty('--event-card-top', `${Math.round(at.top)}px`);
  };

  onMount(() => {
    dialog?.showModal();
    const observer = new ResizeObserver(place);
    if (dialog) observer.observe(dialog);
    onCleanup(() => {
      observer.disconnect();
    });
  });
  onCleanup(() => {
    dialog?.close();
    returnFocus(request);
  });

  const remove = async (current: EventForDetails): Promise<void> => {
    setBusy(true);
    setFailure(null);
    try {
      let scope: EditScope | null = 'all';
      if (current.recurring) scope = await props.askScope();
      else if (!(await props.confirmDelete(current.details.draft.title))) scope = null;
      if (scope === null) return;
      await saveWrite({ kind: 'delete', input: { ...request.ref, scope } });
      props.onClose();
    } catch (error) {
      const message = appErrorMessage(error);
      setFailure(ta(message.key, message.params));
    } finally {
      setBusy(false);
    }
  };

  const duplicate = (current: EventForDetails): void => {
    const own = calendar();
    props.onDuplicate(current.details.draft, own && !own.readOnly ? own.id : null);
  };

  return (
    <dialog
      ref={dialog}
      class="event-card"
      aria-labelledby={titleId}
      aria-busy={loaded().state === 'loading'}
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> element itself, as does one on the card's own
        // padding: only one outside the card's box closes it.
        if (event.target !== dialog) return;
        const box = dialog.getBoundingClientRect();
        const inside =
          event.clientX >= box.left &&
          event.clientX <= box.right &&
          event.clientY >= box.top &&
          event.clientY <= box.bottom;
        if (!inside) props.onClose();
      }}
    >
      <div class="event-card__header">
        <span
          class="event-card__swatch"
          style={{ 'background-color': calendar()?.color ?? 'var(--fg-muted)' }}
          aria-hidden="true"
        />
        <h2 id={titleId} class="event-card__title">
          {ready() ? eventTitle(ready()?.details.draft.title ?? '') : ta('eventDetails')}
        </h2>
        <button
          type="button"
          class="agenda-btn agenda-btn--quiet event-card__close"
          onClick={() => {
            props.onClose();
          }}
        >
          {t('close')}
        </button>
      </div>
      <Switch>
        <Match when={loaded().state === 'error'}>
          <p class="event-card__problem" role="alert">
            {t('missing')}
          </p>
        </Match>
        <Match when={ready()}>
          {(current) => <CardBody current={current()} calendar={calendar()} format={format()} />}
        </Match>
      </Switch>
      <Show when={failure()}>
        {(message) => (
          <p class="event-card__problem" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <Show when={ready()}>
        {(current) => (
          <div class="event-card__actions">
            <Show when={!current().readOnly}>
              <button
                type="button"
                class="agenda-btn agenda-btn--primary"
                disabled={busy()}
                onClick={() => {
                  props.onEdit(request.ref);
                }}
              >
                {t('edit')}
              </button>
            </Show>
            <button
              type="button"
              class="agenda-btn"
              disabled={busy()}
              onClick={() => {
                duplicate(current());
              }}
            >
              {t('duplicate')}
            </button>
            <Show when={!current().readOnly}>
              <button
                type="button"
                class="agenda-btn agenda-btn--danger"
                disabled={busy()}
                onClick={() => void remove(current())}
              >
                {t('delete')}
              </button>
            </Show>
          </div>
        )}
      </Show>
    </dialog>
  );
}

function CardBody(props: {
  readonly current: EventForDetails;
  readonly calendar: Calendar | undefined;
  readonly format: CardFormat;
}): JSX.Element {
  const t = useCatalog(eventCardMessages);
  const details = (): EventForDetails['details'] => props.current.details;
  const zoneText = (): string | null => eventZoneText(details(), props.format);
  const repeat = (): string | null => repeatText(details(), props.current.recurring, props.format);
  const guests = () => guestLines(details().guests, t);
  return (
    <>
      <Show when={props.current.readOnly}>
        <p class="event-card__note">{t('readOnlyNote')}</p>
      </Show>
      <Show when={details().meeting}>
        {(link) => (
          <p class="event-card__join">
            <JoinMeetingLink link={link()} title={eventTitle(details().draft.title)} />
          </p>
        )}
      </Show>
      <dl class="event-card__fields">
        <div class="event-card__field">
          <dt>{t('when')}</dt>
          <dd>
            {whenText(details(), props.format)}
            <Show when={zoneText()}>
              {(text) => (
                <span class="event-card__zone">
                  <span class="visually-hidden">{t('eventZone')}: </span>
                  {text()}
                </span>
              )}
            </Show>
          </dd>
        </div>
        <Show when={repeat()}>
          {(text) => (
            <div class="event-card__field">
              <dt>{t('repeats')}</dt>
              <dd>{text()}</dd>
            </div>
          )}
        </Show>
        <div class="event-card__field">
          <dt>{t('calendar')}</dt>
          <dd>{props.calendar?.name ?? t('unknownCalendar')}</dd>
        </div>
        <Show when={details().draft.location.trim() !== ''}>
          <div class="event-card__field">
            <dt>{t('location')}</dt>
            <dd class="event-card__text">
              <TextWithLinks text={details().draft.location} />
            </dd>
          </div>
        </Show>
        <Show when={details().draft.description.trim() !== ''}>
          <div class="event-card__field">
            <dt>{t('description')}</dt>
            <dd class="event-card__text event-card__description">
              <TextWithLinks text={details().draft.description} />
            </dd>
          </div>
        </Show>
        <Show when={details().reminders.length > 0}>
          <div class="event-card__field">
            <dt>{t('reminders')}</dt>
            <dd>
              <ul class="event-card__list">
                <For each={details().reminders}>
                  {(trigger) => <li>{reminderText(trigger, props.format)}</li>}
                </For>
              </ul>
            </dd>
          </div>
        </Show>
        <Show when={guests().length > 0}>
          <div class="event-card__field">
            <dt>
              {t('guests')}{' '}
              <span class="event-card__count">({guestCountText(guests().length, props.format)})</span>
            </dt>
            <dd>
              <ul class="event-card__list event-card__guests">
                <For each={guests()}>
                  {(guest) => (
                    <li class="event-card__guest" data-answer={guest.answer ?? 'organizer'}>
                      <span class="event-card__guest-name">
                        {guest.name}
                        <Show when={guest.email}>
                          {(email) => <span class="event-card__email"> {email()}</span>}
                        </Show>
                      </span>
                      <span class="event-card__answer">
                        {[...guest.notes, ...(guest.answerText === null ? [] : [guest.answerText])].join(
                          ' · ',
                        )}
                      </span>
                    </li>
                  )}
                </For>
              </ul>
            </dd>
          </div>
        </Show>
      </dl>
    </>
  );
}

/** Plain text with its http(s) links made clickable: text nodes and `<a>`s, never HTML. */
function TextWithLinks(props: { readonly text: string }): JSX.Element {
  const t = useCatalog(eventCardMessages);
  return (
    <For each={descriptionParts(props.text)}>
      {(part) =>
        part.kind === 'link' ? (
          <a href={part.href} target="_blank" rel="noopener noreferrer">
            {part.text}
            <span class="visually-hidden"> {t('opensInNewTab')}</span>
          </a>
        ) : (
          part.text
        )
      }
    </For>
  );
}
