import { createMemo, createSignal, createUniqueId, For, Show, type JSX } from 'solid-js';
import type { SyncLogLine } from '../../../core/model/sync-log-line';
import { intlLocale, useCatalog } from '../../../lib/i18n/locale';
import { CopyDiagnostics } from './CopyDiagnostics';
import { useSyncLogView, type SyncLogView } from './sync-log-data';
import { syncLogMessages } from './sync-log-messages';
import { lineWhere, lineWords } from './sync-log-words';
import './sync-log.css';

const LEVEL_KEYS = { error: 'levelError', warn: 'levelWarn', info: 'levelInfo' } as const;

/** One line: when, how bad, which calendar, and what happened in the reader's language. */
function LogLine(props: {
  readonly line: SyncLogLine;
  readonly view: SyncLogView;
  readonly format: Intl.DateTimeFormat;
}): JSX.Element {
  const t = useCatalog(syncLogMessages);
  const words = () => lineWords(props.line);
  return (
    <li class={`sync-log__line sync-log__line--${props.line.level}`}>
      <p class="sync-log__meta">
        <time datetime={new Date(props.line.at).toISOString()}>{props.format.format(props.line.at)}</time>
        {' · '}
        <span class="sync-log__level">{t(LEVEL_KEYS[props.line.level])}</span>
        {' · '}
        <span class="sync-log__where">{lineWhere(props.line, props.view)}</span>
      </p>
      <p>{words().text}</p>
      <Show when={words().detail}>{(detail) => <p class="muted">{detail()}</p>}</Show>
    </li>
  );
}

/**
 * Settings › Sync issues › Sync log: what the sync worker and the service worker wrote
 * (src/core/sync/sync-log.ts), newest first, live, with an "errors only" filter and "Copy diagnostics".
 */
export function SyncLogSection(): JSX.Element {
  const t = useCatalog(syncLogMessages);
  const headingId = createUniqueId();
  const filterId = createUniqueId();
  const [errorsOnly, setErrorsOnly] = createSignal(false);
  const result = useSyncLogView(errorsOnly);
  const view = (): SyncLogView | null => {
    const current = result();
    return current.state === 'ready' ? current.value : null;
  };
  const when = createMemo(
    () => new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'medium' }),
  );

  return (
    <section class="sync-log" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('title')}</h3>
      <p class="muted">{t('intro')}</p>
      <div class="field field--check">
        <input
          id={filterId}
          type="checkbox"
          checked={errorsOnly()}
          onChange={(event) => setErrorsOnly(event.currentTarget.checked)}
        />
        <label for={filterId}>{t('errorsOnly')}</label>
      </div>
      <Show when={view()}>
        {(current) => (
          <Show
            when={current().lines.length > 0}
            fallback={<p class="muted">{errorsOnly() ? t('emptyErrors') : t('empty')}</p>}
          >
            <ol class="sync-log__lines" aria-label={t('lines')}>
              <For each={current().lines}>
                {(line) => <LogLine line={line} view={current()} format={when()} />}
              </For>
            </ol>
            <Show when={current().total > current().lines.length}>
              <p class="muted">{t('shownOf', { shown: current().lines.length, total: current().total })}</p>
            </Show>
          </Show>
        )}
      </Show>
      <CopyDiagnostics />
    </section>
  );
}
