import { defineCatalog } from '../../lib/i18n/i18n-types';

/** Every word of the sync status and sync issues UI. */
export const syncMessages = defineCatalog({
  en: {
    syncedAgo: 'Synced {when}',
    justNow: 'just now',
    neverSynced: 'Not synced yet',
    syncing: 'Syncing…',
    syncingProgress: 'Syncing… {done} of {total}',
    syncingCount: 'Syncing… {done} so far',
    progressLabel: 'Sync progress of {name}',
    lastOk: 'Last synced {when}.',
    retryAt: 'Almanac tries again {when}.',
    retrySoon: 'Almanac tries again in a moment.',
    syncNow: 'Sync now',
    syncNowLabel: 'Sync now: {name}',
    retry: 'Retry',
    retryLabel: 'Retry: {name}',
    needsPassword:
      'The server no longer accepts the password of “{name}”. Syncing is paused until you enter it again in Settings › Accounts.',
    needsSignIn:
      'Microsoft needs you to sign in to “{name}” again. Syncing is paused until you do (“Sign in again”); your changes wait here.',
    accountCalendars: 'Calendars of {name}',
    issuesTitle: 'Sync issues',
    noIssues: 'No sync issues: every object synced and no edit is waiting for a decision.',
    setAsideTitle: 'Objects set aside',
    setAsideIntro:
      'The server sent these objects but Almanac could not read them. They are left on the server untouched; the rest of the calendar syncs.',
    setAsideIn: 'In {calendar}, seen {when}',
    reason: 'Reason: {reason}',
    rawData: 'Raw data',
    copyRaw: 'Copy raw data',
    copyRawLabel: 'Copy raw data of {href}',
    copied: 'Copied',
    copyFailed: 'Copying failed: select the raw data and copy it by hand.',
    conflictsTitle: 'Conflict copies',
    conflictsIntro:
      'The same event was changed here and on the server. The server’s version is shown in your calendar; your version is kept here.',
    conflictOf: '“{summary}” in {calendar}',
    conflictFields: 'Changed on both sides: {fields}',
    conflictReadOnly:
      'The server refuses changes to this calendar (read-only there): your change was undone and is kept here.',
    conflictPlacementRefused:
      'Outlook cannot move an occurrence onto or past the day of another occurrence of its series: it kept its time there. Your version is kept here; move it to a day between its neighbours, or change the whole series.',
    conflictUnsupportedRecurrence:
      'Outlook cannot repeat an event this way, so your change was not sent and was undone here. {why}Your version is kept here: make the event again with a daily, weekly, monthly or yearly repeat, or in a calendar that is not on Microsoft 365.',
    conflictWhen: 'Kept {when}',
    yourVersion: 'Your version',
    restore: 'Restore my version',
    restoreLabel: 'Restore my version of “{summary}”',
    discard: 'Discard',
    discardLabel: 'Discard my version of “{summary}”',
    unknownCalendar: 'a removed calendar',
    emptyTitle: '“{name}” is empty on the server',
    emptyBody: {
      one: 'The server no longer lists the one event this device synced with it. Nothing was deleted here, and nothing is sent until you choose. If you emptied the calendar on purpose, empty it here too; if not, put your event back on the server.',
      other:
        'The server lists none of the {count} events this device synced with it. Nothing was deleted here, and nothing is sent until you choose. If you emptied the calendar on purpose, empty it here too; if not, put your events back on the server.',
    },
    emptyHere: 'Empty it here too',
    emptyHereLabel: 'Empty “{name}” here too',
    putBack: 'Put my events back on the server',
    putBackLabel: 'Put my events of “{name}” back on the server',
    emptySending: 'Applying your choice…',
    emptyCalendarsTitle: 'Calendars empty on the server',
    waitingForAnswer: 'Sync paused: waiting for your choice',
    waitingForAnswerInIssues:
      'Sync paused: the calendar is empty on the server; choose what to do under Sync issues.',
  },
  fr: {
    syncedAgo: 'Synchronisé {when}',
    justNow: 'à l’instant',
    neverSynced: 'Pas encore synchronisé',
    syncing: 'Synchronisation…',
    syncingProgress: 'Synchronisation… {done} sur {total}',
    syncingCount: 'Synchronisation… {done} pour l’instant',
    progressLabel: 'Progression de la synchronisation de {name}',
    lastOk: 'Dernière synchronisation {when}.',
    retryAt: 'Almanac réessaiera {when}.',
    retrySoon: 'Almanac réessaiera dans un instant.',
    syncNow: 'Synchroniser',
    syncNowLabel: 'Synchroniser : {name}',
    retry: 'Réessayer',
    retryLabel: 'Réessayer : {name}',
    needsPassword:
      'Le serveur n’accepte plus le mot de passe de « {name} ». La synchronisation est suspendue jusqu’à ce que vous le saisissiez de nouveau dans Réglages › Comptes.',
    needsSignIn:
      'Microsoft vous demande de vous reconnecter à « {name} ». La synchronisation est suspendue jusque-là (« Se reconnecter ») ; vos modifications attendent ici.',
    accountCalendars: 'Calendriers de {name}',
    issuesTitle: 'Problèmes de synchronisation',
    noIssues:
      'Aucun problème de synchronisation : tout est synchronisé et aucune modification n’attend de décision.',
    setAsideTitle: 'Objets mis de côté',
    setAsideIntro:
      'Le serveur a envoyé ces objets mais Almanac n’a pas pu les lire. Ils restent intacts sur le serveur ; le reste du calendrier se synchronise.',
    setAsideIn: 'Dans {calendar}, vu {when}',
    reason: 'Raison : {reason}',
    rawData: 'Données brutes',
    copyRaw: 'Copier les données brutes',
    copyRawLabel: 'Copier les données brutes de {href}',
    copied: 'Copié',
    copyFailed: 'La copie a échoué : sélectionnez les données brutes et copiez-les vous-même.',
    conflictsTitle: 'Copies en conflit',
    conflictsIntro:
      'Le même événement a été modifié ici et sur le serveur. Votre calendrier montre la version du serveur ; la vôtre est conservée ici.',
    conflictOf: '« {summary} » dans {calendar}',
    conflictFields: 'Modifié des deux côtés : {fields}',
    conflictReadOnly:
      'Le serveur refuse les modifications de ce calendrier (lecture seule) : votre modification a été annulée et elle est conservée ici.',
    conflictPlacementRefused:
      'Outlook ne peut pas déplacer une occurrence sur le jour d’une autre occurrence de sa série, ni au-delà : elle a gardé son heure là-bas. Votre version est conservée ici ; placez-la à un jour entre ses voisines, ou modifiez toute la série.',
    conflictUnsupportedRecurrence:
      'Outlook ne sait pas répéter un événement de cette façon : votre modification n’a pas été envoyée et a été annulée ici. {why}Votre version est conservée ici : recréez l’événement avec une répétition quotidienne, hebdomadaire, mensuelle ou annuelle, ou dans un agenda qui n’est pas sur Microsoft 365.',
    conflictWhen: 'Conservée {when}',
    yourVersion: 'Votre version',
    restore: 'Rétablir ma version',
    restoreLabel: 'Rétablir ma version de « {summary} »',
    discard: 'Abandonner',
    discardLabel: 'Abandonner ma version de « {summary} »',
    unknownCalendar: 'un calendrier supprimé',
    emptyTitle: '« {name} » est vide sur le serveur',
    emptyBody: {
      one: 'Le serveur ne montre plus l’unique événement que cet appareil a synchronisé avec lui. Rien n’a été supprimé ici, et rien n’est envoyé tant que vous n’avez pas choisi. Si vous avez vidé le calendrier volontairement, videz-le aussi ici ; sinon, remettez votre événement sur le serveur.',
      other:
        'Le serveur ne montre aucun des {count} événements que cet appareil a synchronisés avec lui. Rien n’a été supprimé ici, et rien n’est envoyé tant que vous n’avez pas choisi. Si vous avez vidé le calendrier volontairement, videz-le aussi ici ; sinon, remettez vos événements sur le serveur.',
    },
    emptyHere: 'Le vider aussi ici',
    emptyHereLabel: 'Vider aussi « {name} » ici',
    putBack: 'Remettre mes événements sur le serveur',
    putBackLabel: 'Remettre mes événements de « {name} » sur le serveur',
    emptySending: 'Application de votre choix…',
    emptyCalendarsTitle: 'Calendriers vides sur le serveur',
    waitingForAnswer: 'Synchronisation suspendue : en attente de votre choix',
    waitingForAnswerInIssues:
      'Synchronisation suspendue : le calendrier est vide sur le serveur ; choisissez quoi faire sous Problèmes de synchronisation.',
  },
});

export type SyncMessageKey = keyof (typeof syncMessages)['en'];
