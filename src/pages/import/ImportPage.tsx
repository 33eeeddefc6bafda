import type { JSX } from 'solid-js';
import { useCatalog } from '../../lib/i18n/locale';
import { useCalendars } from './calendars-data';
import { ExportSection } from './ExportSection';
import { ImportSection } from './ImportSection';
import { importMessages } from './import-messages';
import './import.css';

/** `/import`: import an .ics file (picked, dropped, opened or shared) and export calendars or dates. */
export function ImportPage(): JSX.Element {
  const t = useCatalog(importMessages);
  const calendars = useCalendars();
  const writable = () => calendars().filter((calendar) => !calendar.readOnly);
  return (
    <main id="main" class="page page--narrow import-page" tabindex="-1">
      <h1 class="page__title">{t('heading')}</h1>
      <ImportSection calendars={writable()} />
      <ExportSection calendars={calendars()} />
    </main>
  );
}
