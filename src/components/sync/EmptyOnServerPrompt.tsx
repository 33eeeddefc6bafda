import { createSignal, Show, type JSX } from 'solid-js';
import type { CalendarId } from '../../core/model/ids';
import type { EmptyOnServerQuestion } from '../../core/model/sync-state';
import { EmptyOnServerAnswer } from '../../core/sync/sync-api';
import { errorMessage } from '../../lib/error-messages';
import { useCatalog } from '../../lib/i18n/locale';
import { syncApi } from '../../lib/sync-client';
import { ASKING, canAnswer, sendAnswer, type AnswerState } from './empty-on-server';
import { syncMessages } from './sync-messages';

/**
 * Rule 5 of docs/sync-rules.md, asked in plain words: the calendar lists nothing on the server although this device synced
 * events with it. Nothing was deleted; the user chooses to empty it here too or to put the events back.
 */
export function EmptyOnServerPrompt(props: {
  readonly calendarId: CalendarId;
  readonly name: string;
  readonly question: EmptyOnServerQuestion;
}): JSX.Element {
  const t = useCatalog(syncMessages);
  const [state, setState] = createSignal<AnswerState>(ASKING);
  const answer = (choice: EmptyOnServerAnswer): void => {
    void sendAnswer(
      (id, chosen) => syncApi.answerEmptyOnServer(id, chosen),
      props.calendarId,
      choice,
      setState,
    );
  };
  const failure = () => {
    const current = state();
    return current.phase === 'failed' ? current.error : null;
  };
  return (
    <div
      class="sync-status__notice sync-empty"
      role="group"
      aria-label={t('emptyTitle', { name: props.name })}
    >
      <p>
        <strong>{t('emptyTitle', { name: props.name })}</strong>
      </p>
      <p>{t('emptyBody', { count: props.question.localCount })}</p>
      <div class="sync-issues__actions">
        <button
          type="button"
          class="button"
          aria-label={t('emptyHereLabel', { name: props.name })}
          disabled={!canAnswer(state())}
          onClick={() => {
            answer(EmptyOnServerAnswer.emptyHere);
          }}
        >
          {t('emptyHere')}
        </button>
        <button
          type="button"
          class="button button--primary"
          aria-label={t('putBackLabel', { name: props.name })}
          disabled={!canAnswer(state())}
          onClick={() => {
            answer(EmptyOnServerAnswer.putBack);
          }}
        >
          {t('putBack')}
        </button>
      </div>
      <Show when={!canAnswer(state())}>
        <p aria-live="polite">{t('emptySending')}</p>
      </Show>
      <Show when={failure()}>
        {(error) => (
          <p role="alert" class="field__error">
            {errorMessage(error()).title}. {errorMessage(error()).action}
          </p>
        )}
      </Show>
    </div>
  );
}
