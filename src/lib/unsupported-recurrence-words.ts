import {
  isUnsupportedRecurrenceReason,
  type UnsupportedRecurrenceReason,
} from '../core/sync/unsupported-recurrence';
import { defineCatalog } from './i18n/i18n-types';
import { useCatalog } from './i18n/locale';

/**
 * Why Outlook cannot store an event's repeat rule (src/core/sync/unsupported-recurrence.ts), one whole
 * sentence per reason: said before what to do in an `unsupported-recurrence` error's action
 * (src/lib/error-messages.ts).
 */
export const unsupportedRecurrenceMessages = defineCatalog({
  en: {
    frequency: 'It repeats more often than once a day.',
    timeOfDay: 'It repeats at several times of the day.',
    weekOrYearDays: 'It repeats on numbered weeks or days of the year.',
    severalMonths: 'It repeats in several months of the year.',
    monthDays: 'It repeats on several days of the month, or on days counted from the end of the month.',
    weekdayPosition: 'It repeats on a weekday counted past the fourth, or from the end other than the last.',
    weekdaysInPeriod: 'It repeats on every such weekday of the month or year rather than on one of them.',
    dailyOnWeekdays: 'It repeats every few days but only on some weekdays.',
    extraDates: 'It has extra dates added to the series.',
    exclusionRule: 'It has a rule that removes dates.',
    severalRules: 'It has more than one repeat rule.',
    unboundedMonthDays: 'It combines days of the month with weekdays.',
  },
  fr: {
    frequency: 'Il se répète plus d’une fois par jour.',
    timeOfDay: 'Il se répète à plusieurs heures de la journée.',
    weekOrYearDays: 'Il se répète certaines semaines ou certains jours numérotés de l’année.',
    severalMonths: 'Il se répète sur plusieurs mois de l’année.',
    monthDays: 'Il se répète plusieurs jours du mois, ou des jours comptés depuis la fin du mois.',
    weekdayPosition:
      'Il se répète un jour de la semaine compté au-delà du quatrième, ou depuis la fin autrement que le dernier.',
    weekdaysInPeriod:
      'Il se répète chacun de ces jours de la semaine du mois ou de l’année plutôt qu’un seul.',
    dailyOnWeekdays: 'Il se répète tous les quelques jours, mais seulement certains jours de la semaine.',
    extraDates: 'Des dates ont été ajoutées à la série.',
    exclusionRule: 'Il a une règle qui retire des dates.',
    severalRules: 'Il a plus d’une règle de répétition.',
    unboundedMonthDays: 'Il combine des jours du mois et des jours de la semaine.',
  },
});

type Key = keyof (typeof unsupportedRecurrenceMessages)['en'];

const KEYS: Readonly<Record<UnsupportedRecurrenceReason, Key>> = {
  frequency: 'frequency',
  'time-of-day': 'timeOfDay',
  'week-or-year-days': 'weekOrYearDays',
  'several-months': 'severalMonths',
  'month-days': 'monthDays',
  'weekday-position': 'weekdayPosition',
  'weekdays-in-period': 'weekdaysInPeriod',
  'daily-on-weekdays': 'dailyOnWeekdays',
  'extra-dates': 'extraDates',
  'exclusion-rule': 'exclusionRule',
  'several-rules': 'severalRules',
  'unbounded-month-days': 'unboundedMonthDays',
};

/**
 * Why, in the current UI language (reactive). `detail` is the error's: a reason of the shared list,
 * else (missing, or stored by another version) null.
 */
export function unsupportedRecurrenceWhy(detail: string | undefined): string | null {
  const t = useCatalog(unsupportedRecurrenceMessages);
  return isUnsupportedRecurrenceReason(detail) ? t(KEYS[detail]) : null;
}
