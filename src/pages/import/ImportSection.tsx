import { A, useSearchParams } from '@solidjs/router';
import { createSignal, createUniqueId, onMount, Show, type JSX } from 'solid-js';
import { toAppErrorData } from '../../core/errors';
import type { ImportResult } from '../../core/import/apply-import';
import type { Calendar } from '../../core/model/calendar';
import { useCatalog } from '../../lib/i18n/locale';
import { discardInboxFile, loadFile, looksLikeIcs, nextInboxFile, type LoadedFile } from './import-data';
import { importMessages } from './import-messages';
import { ImportPreview } from './ImportPreview';

export interface ImportSectionProps {
  /** Writable calendars, in sidebar order. */
  readonly calendars: readonly Calendar[];
}

/**
 * "Import an .ics file": file picker and drop zone, or the file the OS handed over (share target,
 * file handler, a drop on the agenda), waiting in the import inbox; then the preview.
 */
export function ImportSection(props: ImportSectionProps): JSX.Element {
  const t = useCatalog(importMessages);
  const [search] = useSearchParams();
  const ids = { heading: createUniqueId() };
  const [file, setFile] = createSignal<LoadedFile | null>(null);
  const [status, setStatus] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const [dragging, setDragging] = createSignal(false);

  const take = async (blob: Blob, name: string, inboxKey: string | null = null): Promise<void> => {
    setDone(null);
    setStatus(t('reading', { name }));
    try {
      setFile(await loadFile(blob, name, inboxKey));
      setStatus(inboxKey === null ? null : t('fromInbox', { name }));
    } catch (thrown) {
      setStatus(t('unreadable', { message: toAppErrorData(thrown).message }));
    }
  };

  const pick = (files: FileList | null | undefined): void => {
    const chosen = files?.[0];
    if (!chosen) return;
    if (!looksLikeIcs(chosen)) {
      setStatus(t('notIcs', { name: chosen.name }));
      return;
    }
    void take(chosen, chosen.name);
  };

  onMount(() => {
    void nextInboxFile()
      .then(async (waiting) => {
        if (waiting) await take(waiting.content, waiting.name || 'calendar.ics', waiting.key);
        else if (search['source'] !== undefined) setStatus(t('nothingReceived'));
      })
      .catch(() => undefined);
  });

  const finished = (result: ImportResult, calendar: Calendar): void => {
    setFile(null);
    setStatus(null);
    setDone(t('imported', { added: result.added, updated: result.updated, calendar: calendar.name }));
  };

  return (
    <section class="card import-section" aria-labelledby={ids.heading}>
      <h2 id={ids.heading} class="card__title">
        {t('importHeading')}
      </h2>
      <div
        class="import-drop"
        classList={{ 'import-drop--active': dragging() }}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          pick(event.dataTransfer?.files);
        }}
      >
        <p>{t('importIntro')}</p>
        <label class="button import-drop__pick">
          {t('chooseFile')}
          <input
            class="visually-hidden"
            type="file"
            accept=".ics,.ical,text/calendar"
            onChange={(event) => {
              pick(event.currentTarget.files);
              event.currentTarget.value = '';
            }}
          />
        </label>
        <p class="muted" aria-hidden="true">
          {t('dropHere')}
        </p>
      </div>
      <Show when={status()}>{(message) => <p role="status">{message()}</p>}</Show>
      <Show when={done()}>
        {(message) => (
          <p role="status" class="import-section__done">
            {message()} <A href="/agenda">{t('openAgenda')}</A>
          </p>
        )}
      </Show>
      <Show when={file()} keyed>
        {(loaded) => (
          <ImportPreview
            file={loaded}
            calendars={props.calendars}
            onDone={finished}
            onCancel={() => {
              void discardInboxFile(loaded.inboxKey);
              setFile(null);
              setStatus(null);
            }}
          />
        )}
      </Show>
    </section>
  );
}
