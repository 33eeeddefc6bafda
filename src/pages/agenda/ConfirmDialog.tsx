import type { JSX } from 'solid-js';
import { Dialog } from '../../components/Dialog';
import { useCatalog } from '../../lib/i18n/locale';
import { agendaMessages } from './agenda-messages';

export interface ConfirmDialogProps {
  readonly title: string;
  readonly body: string;
  /** The destructive action's name, e.g. "Delete". */
  readonly confirmLabel: string;
  readonly onAnswer: (confirmed: boolean) => void;
}

/** Asks before something that cannot be undone; Cancel has the focus first. */
export function ConfirmDialog(props: ConfirmDialogProps): JSX.Element {
  const t = useCatalog(agendaMessages);
  return (
    <Dialog
      title={props.title}

      onClose={() => {
        props.onAnswer(false);
      }}
    >
      <p>{props.body}</p>
      <div class="agenda-dialog__actions">
        <button
          type="button"
          class="agenda-btn"
          autofocus
          onClick={() => {
            props.onAnswer(false);
          }}
        >
          {t('cancel')}
        </button>
        <button
          type="button"
          class="agenda-btn agenda-btn--danger"
          onClick={() => {
            props.onAnswer(true);
          }}
        >
          {props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
