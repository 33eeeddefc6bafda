import { defineCatalog } from '../../lib/i18n/i18n-types';

/** The event editor's Reminder field (ReminderField.tsx). */
export const reminderMessages = defineCatalog({
  en: {
    reminder: 'Reminder',
    reminderNone: 'None',
    reminderAtStart: 'At the start',
    reminderMinutes: '{n} minutes before',
    reminderHour: '1 hour before',
    reminderHours: '{n} hours before',
    reminderDay: '1 day before',
    reminderDays: '{n} days before',
    reminderHint: 'Shown as a notification when notifications are allowed in Settings.',
  },
  fr: {
    reminder: 'Rappel',
    reminderNone: 'Aucun',
    reminderAtStart: 'Au début',
    reminderMinutes: '{n} minutes avant',
    reminderHour: '1 heure avant',
    reminderHours: '{n} heures avant',
    reminderDay: '1 jour avant',
    reminderDays: '{n} jours avant',
    reminderHint: 'Affiché en notification si les notifications sont autorisées dans les Réglages.',
  },
});
