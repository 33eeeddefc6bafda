import { defineCatalog } from '../../lib/i18n/i18n-types';

/** Settings › Background and reminders. Names in tests/e2e/ui-contract.md are part of the interface. */
export const backgroundMessages = defineCatalog({
  en: {
    heading: 'Background and reminders',
    syncLabel: 'Background sync',
    syncChecking: 'Checking…',
    syncPeriodic: 'On — Almanac syncs about every {hours} hours even when closed.',
    syncOutboxOnly:
      'Syncs while Almanac is open. Changes made offline are sent once the network is back, even if Almanac is closed.',
    syncWhileOpen:
      'Syncs while Almanac is open: when it opens, when you come back to it, and at each account’s interval.',
    syncInstallHint: 'Install Almanac (Chrome, Edge) to let it sync while closed.',
    remindersLabel: 'Reminders',
    remindersOn: 'On — event reminders appear as notifications on this device.',
    remindersOnClosed: 'Almanac also checks for them about every {hours} hours while closed.',
    remindersOnOpenOnly: 'They appear while Almanac is open.',
    remindersOff: 'Off — allow notifications to get event reminders.',
    remindersDenied: 'Blocked — allow notifications for this site in the browser’s settings.',
    remindersUnsupported: 'This browser cannot show notifications.',
    allowNotifications: 'Allow notifications',
    asking: 'Asking…',
  },
  fr: {
    heading: 'Arrière-plan et rappels',
    syncLabel: 'Synchronisation en arrière-plan',
    syncChecking: 'Vérification…',
    syncPeriodic: 'Activée — Almanac se synchronise environ toutes les {hours} heures, même fermé.',
    syncOutboxOnly:
      'Synchronise quand Almanac est ouvert. Les modifications faites hors ligne partent dès le retour du réseau, même si Almanac est fermé.',
    syncWhileOpen:
      'Synchronise quand Almanac est ouvert : à l’ouverture, quand vous y revenez, et à l’intervalle de chaque compte.',
    syncInstallHint: 'Installez Almanac (Chrome, Edge) pour qu’il se synchronise même fermé.',
    remindersLabel: 'Rappels',
    remindersOn: 'Activés — les rappels d’événements s’affichent en notifications sur cet appareil.',
    remindersOnClosed: 'Almanac les vérifie aussi environ toutes les {hours} heures quand il est fermé.',
    remindersOnOpenOnly: 'Ils s’affichent quand Almanac est ouvert.',
    remindersOff: 'Désactivés — autorisez les notifications pour recevoir les rappels.',
    remindersDenied: 'Bloqués — autorisez les notifications pour ce site dans les réglages du navigateur.',
    remindersUnsupported: 'Ce navigateur ne peut pas afficher de notifications.',
    allowNotifications: 'Autoriser les notifications',
    asking: 'Demande en cours…',
  },
});
