import { defineCatalog } from '../lib/i18n/i18n-types';

/** The keyboard shortcuts help dialog ("Keyboard shortcuts" is its name in tests/e2e/ui-contract.md). */
export const shortcutMessages = defineCatalog({
  en: {
    title: 'Keyboard shortcuts',
    open: 'Keyboard shortcuts',
    intro: 'Shortcuts work anywhere except while typing in a field or with a dialog open.',
    today: 'Go to today',
    newEvent: 'New event',
    month: 'Month view',
    week: 'Week view',
    day: 'Day view',
    list: 'List view',
    previous: 'Previous period',
    next: 'Next period',
    help: 'Show this help',
    keyLeft: 'Left arrow',
    keyRight: 'Right arrow',
    close: 'Close',
  },
  fr: {
    title: 'Raccourcis clavier',
    open: 'Raccourcis clavier',
    intro:
      "Les raccourcis fonctionnent partout, sauf pendant la saisie dans un champ ou lorsqu'une boîte de dialogue est ouverte.",
    today: "Aller à aujourd'hui",
    newEvent: 'Nouvel événement',
    month: 'Vue mois',
    week: 'Vue semaine',
    day: 'Vue jour',
    list: 'Vue liste',
    previous: 'Période précédente',
    next: 'Période suivante',
    help: 'Afficher cette aide',
    keyLeft: 'Flèche gauche',
    keyRight: 'Flèche droite',
    close: 'Fermer',
  },
});
