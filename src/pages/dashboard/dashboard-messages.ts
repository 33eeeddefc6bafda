import { defineCatalog } from '../../lib/i18n/i18n-types';

/** Every word the dashboard shows. Names in tests/e2e/ui-contract.md are part of the interface. */
export const dashboardMessages = defineCatalog({
  en: {
    heading: 'Dashboard',
    upcoming: 'Upcoming',
    today: 'Today',
    tomorrow: 'Tomorrow',
    now: 'Now',
    allDay: 'All day',
    allDaySpan: 'All day, {span}',
    loading: 'Loading your events…',
    empty: 'Nothing coming up',
    emptyHint: 'Events you add to a visible calendar appear here.',
    addEvent: 'Add an event',
    calendar: 'Calendar: {name}',
    loadFailed: 'Your upcoming events could not be loaded.',
  },
  fr: {
    heading: 'Tableau de bord',
    upcoming: 'À venir',
    today: "Aujourd'hui",
    tomorrow: 'Demain',
    now: 'En cours',
    allDay: 'Toute la journée',
    allDaySpan: 'Toute la journée, {span}',
    loading: 'Chargement de vos événements…',
    empty: 'Rien de prévu',
    emptyHint: 'Les événements ajoutés à un calendrier visible apparaissent ici.',
    addEvent: 'Ajouter un événement',
    calendar: 'Calendrier : {name}',
    loadFailed: "Vos prochains événements n'ont pas pu être chargés.",
  },
});
