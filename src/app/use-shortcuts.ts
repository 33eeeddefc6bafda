import { useLocation, useNavigate } from '@solidjs/router';
import { onCleanup, type Accessor } from 'solid-js';
import { viewerZone } from '../lib/db';
import { todayIso } from '../pages/agenda/agenda-route';
import { shortcutForKey, shortcutOutcome } from './shortcuts';

/** Widgets that use the arrow keys themselves (WAI-ARIA composite roles). */
const ARROW_WIDGETS =
  '[role="grid"], [role="listbox"], [role="menu"], [role="menubar"], [role="radiogroup"], [role="slider"], [role="tablist"], [role="tree"], [role="treegrid"]';

/** Is the user typing (or using a control that takes keys) in this element? */
function takesKeys(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return true;
  return key.startsWith('Arrow') && target.closest(ARROW_WIDGETS) !== null;
}

function modalOpen(): boolean {
  return document.querySelector('dialog[open], [role="dialog"][aria-modal="true"]') !== null;
}

/**
 * Listens for the shortcuts (src/app/shortcuts.ts) on the document and navigates. Keys are ignored
 * while typing, with Ctrl/Meta/Alt, while a dialog is open, and when `enabled()` is false.
 */
export function useShortcuts(options: { enabled: Accessor<boolean>; onHelp: () => void }): void {
  const navigate = useNavigate();
  const location = useLocation();
  const onKeyDown = (event: KeyboardEvent): void => {
    if (!options.enabled() || event.defaultPrevented || event.isComposing) return;
    const action = shortcutForKey(event);
    if (!action || takesKeys(event.target, event.key) || modalOpen()) return;
    const outcome = shortcutOutcome(action, location.pathname, todayIso(Date.now(), viewerZone()));
    if (outcome.kind === 'none') return;
    event.preventDefault();
    if (outcome.kind === 'help') options.onHelp();
    else navigate(outcome.path);
  };
  document.addEventListener('keydown', onKeyDown);
  onCleanup(() => {
    document.removeEventListener('keydown', onKeyDown);
  });
}
