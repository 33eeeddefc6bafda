import type { ManifestOptions } from 'vite-plugin-pwa';
import { ImportSource, importUrl, LaunchRoute, SHARE_FILES_PARAM } from '../../src/core/pwa/launch-routes.ts';

/** The brand colour (the icon, the title bar) and the light page background (src/styles/tokens.css). */
export const THEME_COLOR = '#1f6feb';
const BACKGROUND_COLOR = '#f4f6f9';

/**
 * The web app manifest. Icons are not listed here: vite-plugin-pwa's `pwaAssets` generates them
 * (any + maskable) from public/favicon.svg at build time and adds them.
 */
export const almanacManifest: Partial<ManifestOptions> = {
  id: '/',
  name: 'Almanac',
  short_name: 'Almanac',
  description: 'Your calendar, offline first: agenda, events and reminders that work without a network.',
  lang: 'en',
  dir: 'ltr',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  theme_color: THEME_COLOR,
  background_color: BACKGROUND_COLOR,
  categories: ['productivity', 'utilities'],
  shortcuts: [
    { name: 'New event', short_name: 'New', url: LaunchRoute.newEvent, description: 'Create an event' },
    { name: 'Agenda', url: LaunchRoute.agenda, description: 'This week in the agenda' },
  ],
  file_handlers: [
    { action: importUrl(ImportSource.file), accept: { 'text/calendar': ['.ics', '.ical', '.ifb'] } },
  ],
  share_target: {
    action: LaunchRoute.shareTarget,
    method: 'POST',
    enctype: 'multipart/form-data',
    params: {
      title: 'title',
      text: 'text',
      url: 'url',
      files: [{ name: SHARE_FILES_PARAM, accept: ['text/calendar', '.ics'] }],
    },
  },
  protocol_handlers: [{ protocol: 'webcal', url: `${LaunchRoute.subscribe}?url=%s` }],
  launch_handler: { client_mode: 'focus-existing' },
};
