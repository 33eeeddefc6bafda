/** The catalog key (src/app/shell-messages.ts) naming the section a path belongs to. */
export type TitleKey = 'dashboard' | 'agenda' | 'settings' | 'notFoundTitle';

/** The section a path belongs to, for the document title. */
export function titleKeyFor(pathname: string): TitleKey {
  if (pathname === '/') return 'dashboard';
  if (pathname === '/agenda' || pathname.startsWith('/agenda/')) return 'agenda';
  if (pathname === '/settings') return 'settings';
  return 'notFoundTitle';
}
