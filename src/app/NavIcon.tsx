import { Match, Switch, type JSX } from 'solid-js';

export type NavIconName = 'dashboard' | 'agenda' | 'settings' | 'keyboard';

/** Small line icons (decorative: the link or button text names the control). */
export function NavIcon(props: { readonly name: NavIconName }): JSX.Element {
  return (
    <svg
      class="icon"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
    >
      <Switch>
        <Match when={props.name === 'dashboard'}>
          <rect x="3.5" y="3.5" width="7" height="8" rx="1.5" />
          <rect x="13.5" y="3.5" width="7" height="5" rx="1.5" />
          <rect x="13.5" y="11.5" width="7" height="9" rx="1.5" />
          <rect x="3.5" y="14.5" width="7" height="6" rx="1.5" />
        </Match>
        <Match when={props.name === 'agenda'}>
          <rect x="3.5" y="5" width="17" height="15.5" rx="2" />
          <path d="M3.5 10h17M8 3v4M16 3v4" />
        </Match>
        <Match when={props.name === 'settings'}>
          <circle cx="12" cy="12" r="3" />
          <path d="M12 2.8v2.4M12 18.8v2.4M21.2 12h-2.4M5.2 12H2.8M18.5 5.5l-1.7 1.7M7.2 16.8l-1.7 1.7M18.5 18.5l-1.7-1.7M7.2 7.2 5.5 5.5" />
        </Match>
        <Match when={props.name === 'keyboard'}>
          <rect x="2.5" y="6" width="19" height="12" rx="2" />
          <path d="M6.5 10h1M10.5 10h1M14.5 10h1M6.5 14h11" />
        </Match>
      </Switch>
    </svg>
  );
}
