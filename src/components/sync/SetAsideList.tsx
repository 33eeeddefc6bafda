import { createSignal, For, Show, type JSX } from 'solid-js';
import type { CalendarId } from '../../core/model/ids';
import type { SetAsideObject } from '../../core/model/set-aside-object';
import { createMinuteClock } from '../../lib/clock';
import { intlLocale, useCatalog } from '../../lib/i18n/locale';
import { copyText } from './copy-text';
import { relativeTime } from './relative-time';
import { syncMessages } from './sync-messages';

/** Server objects Almanac could not use: the server's (or parser's) reason and their raw data to copy. */
export function SetAsideList(props: {
  readonly items: readonly SetAsideObject[];
  readonly calendarNames: ReadonlyMap<CalendarId, string>;
}): JSX.Element {
  const t = useCatalog(syncMessages);
  const now = createMinuteClock();
  return (
    <ul class="sync-issues__list">
      <For each={props.items}>
        {(item) => (
          <li class="sync-issues__item">
            <p>
              <code>{item.href}</code>
            </p>
            <p class="muted">
              {t('setAsideIn', {
                calendar: props.calendarNames.get(item.calendarId) ?? t('unknownCalendar'),
                when: relativeTime(item.seenAt, now(), intlLocale()) ?? t('justNow'),
              })}
            </p>
            <p>{t('reason', { reason: item.reason })}</p>
            <CopyRaw raw={item.raw} href={item.href} />
          </li>
        )}
      </For>
    </ul>
  );
}

type CopyState = 'idle' | 'copied' | 'failed';

function CopyRaw(props: { readonly raw: string; readonly href: string }): JSX.Element {
  const t = useCatalog(syncMessages);
  const [state, setState] = createSignal<CopyState>('idle');
  return (
    <>
      <div class="sync-issues__actions">
        <button
          type="button"
          class="button"
          aria-label={t('copyRawLabel', { href: props.href })}
          onClick={() => {
            void copyText(props.raw).then((ok) => setState(ok ? 'copied' : 'failed'));
          }}
        >
          {t('copyRaw')}
        </button>
        <span role="status">
          <Show when={state() === 'copied'}>{t('copied')}</Show>
          <Show when={state() === 'failed'}>{t('copyFailed')}</Show>
        </span>
      </div>
      <details open={state() === 'failed'}>
        <summary>{t('rawData')}</summary>
        <pre class="sync-issues__raw">{props.raw}</pre>
      </details>
    </>
  );
}
