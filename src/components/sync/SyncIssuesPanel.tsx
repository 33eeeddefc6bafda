import { createUniqueId, For, Show, type JSX } from 'solid-js';
import { useCatalog } from '../../lib/i18n/locale';
import { ConflictList } from './ConflictList';
import { EmptyOnServerPrompt } from './EmptyOnServerPrompt';
import { SetAsideList } from './SetAsideList';
import { syncMessages } from './sync-messages';
import { useSyncIssues } from './sync-status-data';
import './sync.css';

/** Everything sync could not settle alone: calendars empty on the server (docs/sync-rules.md rule 5), set-aside server
 *  objects and conflict copies; then `children` (Settings puts the sync log there). */
export function SyncIssuesPanel(props: { readonly children?: JSX.Element }): JSX.Element {
  const t = useCatalog(syncMessages);
  const issues = useSyncIssues();
  const headingId = createUniqueId();
  const setAsideId = createUniqueId();
  const conflictsId = createUniqueId();
  const emptyId = createUniqueId();
  return (
    <section class="card sync-issues" aria-labelledby={headingId}>
      <h2 id={headingId} class="card__title">
        {t('issuesTitle')}
      </h2>
      <Show when={issues()}>
        {(current) => (
          <>
            <Show
              when={
                current().setAside.length === 0 &&
                current().conflicts.length === 0 &&
                current().emptyOnServer.length === 0
              }
            >
              <p class="muted">{t('noIssues')}</p>
            </Show>
            <Show when={current().emptyOnServer.length > 0}>
              <section aria-labelledby={emptyId}>
                <h3 id={emptyId}>{t('emptyCalendarsTitle')}</h3>
                <ul class="sync-issues__list">
                  <For each={current().emptyOnServer}>
                    {(waiting) => (
                      <li class="sync-issues__item">
                        <EmptyOnServerPrompt
                          calendarId={waiting.calendarId}
                          name={waiting.name}
                          question={waiting.question}
                        />
                      </li>
                    )}
                  </For>
                </ul>
              </section>
            </Show>
            <Show when={current().conflicts.length > 0}>
              <section aria-labelledby={conflictsId}>
                <h3 id={conflictsId}>{t('conflictsTitle')}</h3>
                <p class="muted">{t('conflictsIntro')}</p>
                <ConflictList items={current().conflicts} calendarNames={current().calendarNames} />
              </section>
            </Show>
            <Show when={current().setAside.length > 0}>
              <section aria-labelledby={setAsideId}>
                <h3 id={setAsideId}>{t('setAsideTitle')}</h3>
                <p class="muted">{t('setAsideIntro')}</p>
                <SetAsideList items={current().setAside} calendarNames={current().calendarNames} />
              </section>
            </Show>
          </>
        )}
      </Show>
      {props.children}
    </section>
  );
}
