import { defineCatalog } from '../../lib/i18n/i18n-types';

/** The event editor's Reminder field (ReminderField.tsx). */
export const reminderMessages = defineCatalog({
  en: {
    reminder: 'Reminder',
    reminderNone: 'None',
    reminderAtStart: 'At the start',
    reminderMinutes: { one: '{count} minute before', other: '{count} minutes before' },
    reminderHours: { one: '{count} hour before', other: '{count} hours before' },
    reminderDays: { one: '{count} day before', other: '{count} days before' },
    reminderHint: 'Shown as a notification when notifications are allowed in Settings.',
  },
  fr: {
    reminder: 'Rappel',
    reminderNone: 'Aucun',
    reminderAtStart: 'Au début',
    reminderMinutes: { one: '{count} minute avant', other: '{count} minutes avant' },
    reminderHours: { one: '{count} heure avant', other: '{count} heures avant' },
    reminderDays: { one: '{count} jour avant', other: '{count} jours avant' },
    reminderHint: 'Affiché en notification si les notifications sont autorisées dans les Réglages.',
  },
});
