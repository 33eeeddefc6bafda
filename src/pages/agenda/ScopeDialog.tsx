import type { JSX } from 'solid-js';
import { Dialog } from '../../components/Dialog';
import type { EditScope } from '../../core/ical/event-draft';
import { useCatalog } from '../../lib/i18n/locale';
import { agendaMessages } from './agenda-messages';

/** "Recurring event": which part of the series a save, move or delete applies to. */
export function ScopeDialog(props: { readonly onAnswer: (scope: EditScope | null) => void }): JSX.Element {
  const t = useCatalog(agendaMessages);
  return (
    <Dialog
      title={t('recurringEvent')}

      onClose={() => {
        props.onAnswer(null);
      }}
    >
      <p>{t('recurringQuestion')}</p>
      <div class="agenda-dialog__actions agenda-dialog__actions--stacked">
        <button
          type="button"
          class="agenda-btn agenda-btn--primary"
          onClick={() => {
            props.onAnswer('this');
          }}
        >
          {t('scopeThis')}
        </button>
        <button
          type="button"
          class="agenda-btn"
          onClick={() => {
            props.onAnswer('following');
          }}
        >
          {t('scopeFollowing')}
        </button>
        <button
          type="button"
          class="agenda-btn"
          onClick={() => {
            props.onAnswer('all');
          }}
        >
          {t('scopeAll')}
        </button>
        <button
          type="button"
          class="agenda-btn"
          onClick={() => {
            props.onAnswer(null);
          }}
        >
          {t('cancel')}
        </button>
      </div>
    </Dialog>
  );
}
