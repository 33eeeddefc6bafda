import { useLocation } from '@solidjs/router';
import { createEffect } from 'solid-js';
import { useCatalog } from '../lib/i18n/locale';
import { titleKeyFor } from './page-title-key';
import { shellMessages } from './shell-messages';

/** Keeps `document.title` as "<page> · Almanac", in the UI language, as the route changes. */
export function usePageTitle(): void {
  const t = useCatalog(shellMessages);
  const location = useLocation();
  createEffect(() => {
    document.title = `${t(titleKeyFor(location.pathname))} · ${t('appName')}`;
  });
}
