import { For, Show, type JSX } from 'solid-js';
import { Dialog } from '../components/Dialog';
import { useCatalog } from '../lib/i18n/locale';
import { shortcutMessages } from './shortcut-messages';
import { SHORTCUT_KEYS, type ShortcutAction } from './shortcuts';

type MessageKey = keyof (typeof shortcutMessages)['en'];

const DESCRIPTION: Readonly<Record<ShortcutAction, MessageKey>> = {
  today: 'today',
  'new-event': 'newEvent',
  month: 'month',
  week: 'week',
  day: 'day',
  list: 'list',
  previous: 'previous',
  next: 'next',
  help: 'help',
};

/** The "Keyboard shortcuts" help, opened with "?" or the top bar button. */
export function ShortcutsDialog(props: { readonly onClose: () => void }): JSX.Element {
  const t = useCatalog(shortcutMessages);
  const keyLabel = (key: string): { text: string; label?: string } => {
    if (key === 'ArrowLeft') return { text: '←', label: t('keyLeft') };
    if (key === 'ArrowRight') return { text: '→', label: t('keyRight') };
    return { text: key };
  };
  return (
    <Dialog title={t('title')} onClose={props.onClose} class="shortcuts-dialog">
      <p class="muted">{t('intro')}</p>
      <dl class="shortcuts">
        <For each={SHORTCUT_KEYS}>
          {([key, action]) => (
            <div class="shortcuts__row">
              <dt>
                <kbd>
                  <Show when={keyLabel(key).label} fallback={keyLabel(key).text}>
                    {(label) => (
                      <>
                        <span aria-hidden="true">{keyLabel(key).text}</span>
                        <span class="visually-hidden">{label()}</span>
                      </>
                    )}
                  </Show>
                </kbd>
              </dt>
              <dd>{t(DESCRIPTION[action])}</dd>
            </div>
          )}
        </For>
      </dl>
      <div class="dialog__actions">
        <button
          type="button"
          class="button button--primary"
          onClick={() => {
            props.onClose();
          }}
        >
          {t('close')}
        </button>
      </div>
    </Dialog>
  );
}
