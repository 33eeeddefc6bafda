import { createSignal, createUniqueId, Match, Show, Switch, type JSX } from 'solid-js';
import { toAppErrorData } from '../../../core/errors';
import { copyText } from '../../../components/sync/copy-text';
import { db } from '../../../lib/db';
import { errorMessage } from '../../../lib/error-messages';
import { locale, useCatalog } from '../../../lib/i18n/locale';
import { APP_VERSION } from './app-version';
import { composeDiagnostics } from './compose-diagnostics';
import { readDiagnosticsSnapshot } from './diagnostics-snapshot';
import { syncLogMessages } from './sync-log-messages';

type CopyState =
  | { readonly step: 'idle' | 'working' | 'copied' }
  | { readonly step: 'refused'; readonly text: string }
  | { readonly step: 'failed'; readonly reason: string };

/** "Copy diagnostics": one text for a bug report on the clipboard, or selected in a box to copy by hand. */
export function CopyDiagnostics(): JSX.Element {
  const t = useCatalog(syncLogMessages);
  const headingId = createUniqueId();
  const introId = createUniqueId();
  const [state, setState] = createSignal<CopyState>({ step: 'idle' });

  const copy = async (): Promise<void> => {
    setState({ step: 'working' });
    let text: string;
    try {
      text = composeDiagnostics(await readDiagnosticsSnapshot(db), {
        appVersion: APP_VERSION,
        userAgent: navigator.userAgent,
        language: locale(),
        now: Date.now(),
      });
    } catch (error) {
      setState({ step: 'failed', reason: errorMessage(toAppErrorData(error)).title });
      return;
    }
    setState((await copyText(text)) ? { step: 'copied' } : { step: 'refused', text });
  };

  const refused = () => {
    const current = state();
    return current.step === 'refused' ? current : null;
  };
  const failed = () => {
    const current = state();
    return current.step === 'failed' ? current : null;
  };

  const selectAll = (box: HTMLTextAreaElement): void => {
    // After it is in the document: focus and select, ready for Ctrl+C.
    queueMicrotask(() => {
      box.focus();
      box.select();
    });
  };

  return (
    <section class="sync-log__copy" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('copyTitle')}</h4>
      <p id={introId} class="muted">
        {t('copyIntro')}
      </p>
      <div class="sync-issues__actions">
        <button
          type="button"
          class="button"
          aria-describedby={introId}
          disabled={state().step === 'working'}
          onClick={() => void copy()}
        >
          {state().step === 'working' ? t('copying') : t('copy')}
        </button>
        <span role="status">
          <Switch>
            <Match when={state().step === 'copied'}>{t('copied')}</Match>
            <Match when={state().step === 'refused'}>{t('copyRefused')}</Match>
          </Switch>
        </span>
      </div>
      <Show when={refused()}>
        {(current) => (
          <textarea
            ref={selectAll}
            class="sync-log__fallback"
            aria-label={t('copyFallbackLabel')}
            readonly
            rows={12}
            value={current().text}
          />
        )}
      </Show>
      <Show when={failed()}>
        {(current) => (
          <p class="field__error" role="alert">
            {t('copyFailed', { reason: current().reason })}
          </p>
        )}
      </Show>
    </section>
  );
}
