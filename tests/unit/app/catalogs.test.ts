import { describe, expect, it } from 'vitest';
import { shellMessages } from '../../../src/app/shell-messages';
import { shortcutMessages } from '../../../src/app/shortcut-messages';
import type { Catalog, Message } from '../../../src/lib/i18n/i18n-types';
import { errorMessages } from '../../../src/lib/error-messages';
import { dashboardMessages } from '../../../src/pages/dashboard/dashboard-messages';
import { settingsMessages } from '../../../src/pages/settings/settings-messages';
import { backgroundMessages } from '../../../src/pages/settings/background-messages';
import { reminderMessages } from '../../../src/pages/agenda/reminder-messages';
import { syncLogMessages } from '../../../src/pages/settings/sync-log/sync-log-messages';

const catalogs: Record<string, Catalog<Readonly<Record<string, Message>>>> = {
  shell: shellMessages,
  shortcuts: shortcutMessages,
  errors: errorMessages,
  dashboard: dashboardMessages,
  settings: settingsMessages,
  background: backgroundMessages,
  reminders: reminderMessages,
  syncLog: syncLogMessages,
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
/** A message's texts: itself, or each plural form. */
const forms = (message: Message | undefined): string[] =>
  message === undefined
    ? []
    : typeof message === 'string'
      ? [message]
      : [message.one, message.other, ...(message.many === undefined ? [] : [message.many])];

describe.each(Object.entries(catalogs))('the %s catalog', (_name, catalog) => {
  it('has the same keys in French and English', () => {
    expect(Object.keys(catalog.fr).sort()).toEqual(Object.keys(catalog.en).sort());
  });

  it('has no empty or untrimmed strings', () => {
    for (const locale of ['en', 'fr'] as const) {
      for (const [key, message] of Object.entries(catalog[locale])) {
        for (const text of forms(message)) {
          expect(text.trim(), `${locale}.${key}`).not.toBe('');
          expect(text, `${locale}.${key}`).toBe(text.trim());
        }
      }
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, english] of Object.entries(catalog.en)) {
      const french = catalog.fr[key];
      expect(typeof french, key).toBe(typeof english);
      // A plural's `one` may say "one" instead of {count}; the forms together name the same ones.
      const union = (message: Message | undefined) =>
        [...new Set(forms(message).flatMap(placeholders))].sort();
      expect(union(french), key).toEqual(union(english));
    }
  });
});

describe('names in the UI contract (tests/e2e/ui-contract.md)', () => {
  it('keeps the navigation, headings and dialog names', () => {
    expect([
      shellMessages.en.mainNav,
      shellMessages.en.dashboard,
      shellMessages.en.agenda,
      shellMessages.en.settings,
    ]).toEqual(['Main', 'Dashboard', 'Agenda', 'Settings']);
    expect([shellMessages.fr.dashboard, shellMessages.fr.agenda, shellMessages.fr.settings]).toEqual([
      'Tableau de bord',
      'Agenda',
      'Réglages',
    ]);
    expect([shortcutMessages.en.title, shortcutMessages.fr.title]).toEqual([
      'Keyboard shortcuts',
      'Raccourcis clavier',
    ]);
    expect([dashboardMessages.en.upcoming, dashboardMessages.fr.upcoming]).toEqual(['Upcoming', 'À venir']);
    expect([dashboardMessages.fr.today, dashboardMessages.fr.tomorrow, dashboardMessages.fr.empty]).toEqual([
      "Aujourd'hui",
      'Demain',
      'Rien de prévu',
    ]);
    expect(settingsMessages.en.upcomingCount).toBe('Events in the upcoming widget');
  });
});
