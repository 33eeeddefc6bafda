import { parseIsoDate } from '../lib/iso-date';
import { agendaPath, AgendaView, isAgendaView, shiftAgendaDate } from '../pages/agenda/agenda-route';

/**
 * Keyboard shortcuts are URL navigation: the agenda's URL is its state, so each key maps to a path.
 * Pure functions here; the DOM listener is in use-shortcuts.ts.
 */
export const ShortcutAction = {
  today: 'today',
  newEvent: 'new-event',
  month: 'month',
  week: 'week',
  day: 'day',
  list: 'list',
  previous: 'previous',
  next: 'next',
  help: 'help',
} as const;
export type ShortcutAction = (typeof ShortcutAction)[keyof typeof ShortcutAction];

/** The keys, in the order the help dialog lists them. */
export const SHORTCUT_KEYS: readonly (readonly [key: string, action: ShortcutAction])[] = [
  ['t', ShortcutAction.today],
  ['n', ShortcutAction.newEvent],
  ['m', ShortcutAction.month],
  ['w', ShortcutAction.week],
  ['d', ShortcutAction.day],
  ['l', ShortcutAction.list],
  ['ArrowLeft', ShortcutAction.previous],
  ['ArrowRight', ShortcutAction.next],
  ['?', ShortcutAction.help],
];

const BY_KEY: ReadonlyMap<string, ShortcutAction> = new Map(SHORTCUT_KEYS);

export interface KeyInput {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

/** The action of a key press, or null. Ctrl/Meta/Alt combinations belong to the browser and the OS. */
export function shortcutForKey(input: KeyInput): ShortcutAction | null {
  if (input.ctrlKey || input.metaKey || input.altKey) return null;
  // Shift is how "?" is typed on most layouts; otherwise Shift+key is not the shortcut.
  if (input.shiftKey && input.key !== '?') return null;
  // Caps Lock turns "t" into "T" without Shift.
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  return BY_KEY.get(key) ?? null;
}

export type ShortcutOutcome =
  | { readonly kind: 'navigate'; readonly path: string }
  | { readonly kind: 'help' }
  | { readonly kind: 'none' };

/** The agenda's view and date when `pathname` is `/agenda/{view}/{date}`, else null. */
export function agendaLocation(pathname: string): { view: AgendaView; date: string } | null {
  const match = /^\/agenda\/([^/]+)\/([^/]+)\/?$/.exec(pathname);
  const view = match?.[1];
  const date = match?.[2];
  if (view === undefined || date === undefined || !isAgendaView(view) || !parseIsoDate(date)) return null;
  return { view, date };
}

/**
 * Where a shortcut leads from `pathname`, with `today` the viewer's date. On the agenda, keys act on
 * the current view and date; elsewhere (dashboard, settings) t/m/w/d/l/n open the agenda at today,
 * and the arrows do nothing.
 */
export function shortcutOutcome(action: ShortcutAction, pathname: string, today: string): ShortcutOutcome {
  const agenda = agendaLocation(pathname);
  const navigate = (path: string): ShortcutOutcome => ({ kind: 'navigate', path });
  switch (action) {
    case 'help':
      return { kind: 'help' };
    case 'today':
      return navigate(agendaPath(agenda?.view ?? AgendaView.week, today));
    case 'new-event':
      return navigate(`${agendaPath(agenda?.view ?? AgendaView.week, agenda?.date ?? today)}?new=1`);
    case 'previous':
    case 'next':
      if (!agenda) return { kind: 'none' };
      return navigate(
        agendaPath(agenda.view, shiftAgendaDate(agenda.view, agenda.date, action === 'next' ? 1 : -1)),
      );
    case 'month':
    case 'week':
    case 'day':
    case 'list':
      return navigate(agendaPath(AgendaView[action], agenda?.date ?? today));
  }
}
