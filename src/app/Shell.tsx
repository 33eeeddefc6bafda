import type { RouteSectionProps } from '@solidjs/router';
import { createSignal, Show, Suspense, type JSX } from 'solid-js';
import { PwaLayer } from '../components/pwa/PwaLayer';
import { DEFAULT_SETTINGS } from '../core/settings/settings';
import { useCatalog } from '../lib/i18n/locale';
import { useSettingsState } from '../lib/settings';
import { MainNav } from './MainNav';
import { NavIcon } from './NavIcon';
import { usePageTitle } from './page-title';
import { shellMessages } from './shell-messages';
import { shortcutMessages } from './shortcut-messages';
import { ShortcutsDialog } from './ShortcutsDialog';
import { SignInAgainBanner } from './SignInAgainBanner';
import { StorageBanner } from './StorageBanner';
import { usePreferences } from './use-preferences';
import { useShortcuts } from './use-shortcuts';
import { whenIdle } from './idle';

/** Moves focus to the page's <main> (every page has exactly one), past the top bar. */
function skipToMain(event: MouseEvent): void {
  const main = document.querySelector('main');
  if (!main) return;
  event.preventDefault();
  if (!main.hasAttribute('tabindex')) main.setAttribute('tabindex', '-1');
  main.focus();
}

/** The layout around every page: skip link, top bar with the main navigation, storage and sign-in banners. */
export function Shell(props: RouteSectionProps): JSX.Element {
  const t = useCatalog(shellMessages);
  const ts = useCatalog(shortcutMessages);
  const settingsState = useSettingsState();
  const shortcutsEnabled = (): boolean => {
    const state = settingsState();
    return state.state === 'ready' ? state.value.shortcutsEnabled : DEFAULT_SETTINGS.shortcutsEnabled;
  };
  const [helpOpen, setHelpOpen] = createSignal(false);
  // The service worker (with its precache download), launches and update notices wait until the
  // page has painted and gone quiet: none of them is needed for the first view.
  const [pwaMounted, setPwaMounted] = createSignal(false);
  whenIdle(() => setPwaMounted(true));
  // The page renders in the task after the shell's: two shorter tasks instead of one long one at
  // start-up (a phone then stays responsive to a tap on the navigation meanwhile).
  const [pageMounted, setPageMounted] = createSignal(false);
  setTimeout(() => setPageMounted(true), 0);

  usePreferences(settingsState);
  usePageTitle();
  useShortcuts({ enabled: shortcutsEnabled, onHelp: () => setHelpOpen(true) });

  return (
    <div class="shell">
      <a class="skip-link" href="#main" onClick={skipToMain}>
        {t('skipToContent')}
      </a>
      <header class="topbar">
        <a class="brand" href="/" aria-label={t('home')}>
          <svg class="brand__mark" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
            <rect x="2" y="4" width="28" height="26" rx="6" fill="var(--accent)" />
            <rect x="2" y="4" width="28" height="8" rx="4" fill="var(--accent-strong)" />
            <text x="16" y="26" text-anchor="middle" font-size="13" font-weight="700" fill="var(--accent-fg)">
              A
            </text>
          </svg>
          <span class="brand__name">{t('appName')}</span>
        </a>
        <MainNav />
        <Show when={shortcutsEnabled()}>
          <button
            type="button"
            class="button button--quiet button--icon topbar__help"
            title={ts('open')}
            onClick={() => setHelpOpen(true)}
          >
            <NavIcon name="keyboard" />
            <span class="visually-hidden">{ts('open')}</span>
          </button>
        </Show>
      </header>
      <StorageBanner />
      <SignInAgainBanner />
      <Show when={pwaMounted()}>
        <PwaLayer />
      </Show>
      <div class="shell__page">
        <Suspense fallback={<p class="page muted">{t('loadingPage')}</p>}>
          <Show when={pageMounted()}>{props.children}</Show>
        </Suspense>
      </div>
      <Show when={helpOpen()}>
        <ShortcutsDialog onClose={() => setHelpOpen(false)} />
      </Show>
    </div>
  );
}
