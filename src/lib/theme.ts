import type { Theme } from '../core/settings/settings';

/**
 * Applies the theme setting: `data-theme` on <html> overrides prefers-color-scheme (see
 * src/styles/tokens.css); "system" removes it so the media query decides. The browser chrome
 * (theme-color) follows the effective theme.
 */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset['theme'];
  else root.dataset['theme'] = theme;
  const dark =
    theme === 'dark' || (theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.querySelector('meta[name="theme-color"]')?.setAttribute('content', dark ? '#171b21' : '#ffffff');
}
