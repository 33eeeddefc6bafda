import { useLocation } from '@solidjs/router';
import { For, type JSX } from 'solid-js';
import { createMinuteClock } from '../lib/clock';
import { viewerZone } from '../lib/db';
import { useCatalog } from '../lib/i18n/locale';
import { agendaPath, AgendaView, todayIso } from '../pages/agenda/agenda-route';
import { NavIcon, type NavIconName } from './NavIcon';
import { shellMessages } from './shell-messages';

interface NavItem {
  readonly label: 'dashboard' | 'agenda' | 'settings';
  readonly icon: NavIconName;
  readonly href: (today: string) => string;
  /** The section this link stands for, matched against the current path. */
  readonly section: (pathname: string) => boolean;
}

const ITEMS: readonly NavItem[] = [
  { label: 'dashboard', icon: 'dashboard', href: () => '/', section: (path) => path === '/' },
  {
    label: 'agenda',
    icon: 'agenda',
    href: (today) => agendaPath(AgendaView.week, today),
    section: (path) => path === '/agenda' || path.startsWith('/agenda/'),
  },
  {
    label: 'settings',
    icon: 'settings',
    href: () => '/settings',
    section: (path) => path === '/settings' || path.startsWith('/settings/'),
  },
];

/** The "Main" navigation: a row in the top bar on wide screens, a tab bar at the bottom on phones. */
export function MainNav(): JSX.Element {
  const t = useCatalog(shellMessages);
  const location = useLocation();
  // Ticks each minute, so a tab left open overnight links the agenda to the new day.
  const now = createMinuteClock();
  const today = (): string => todayIso(now(), viewerZone());
  return (
    <nav class="main-nav" aria-label={t('mainNav')}>
      <ul class="main-nav__list">
        <For each={ITEMS}>
          {(item) => (
            <li>
              <a
                class="main-nav__link"
                href={item.href(today())}
                aria-current={item.section(location.pathname) ? 'page' : undefined}
              >
                <NavIcon name={item.icon} />
                <span>{t(item.label)}</span>
              </a>
            </li>
          )}
        </For>
      </ul>
    </nav>
  );
}
