import { defineCatalog } from '../../../lib/i18n/i18n-types';

/**
 * Every word of Settings › Sync issues › Sync log, and each log code in words (sync-log-words.ts).
 * Names in tests/e2e/ui-contract.md are part of the interface.
 */
export const syncLogMessages = defineCatalog({
  en: {
    title: 'Sync log',
    intro:
      'What happened during recent syncs, newest first. It stays on this device and never holds passwords or what your events say.',
    errorsOnly: 'Errors only',
    lines: 'Sync log lines',
    empty: 'Nothing logged yet.',
    emptyErrors: 'No errors logged.',
    shownOf: 'Showing the newest {shown} of {total} lines.',
    levelError: 'Error',
    levelWarn: 'Warning',
    levelInfo: 'Info',
    where: '{account} › {calendar}',
    removedCalendar: 'a removed calendar',
    removedAccount: 'a removed account',
    syncService: 'Sync service',
    codeSynced: 'Synced. Received: {pulled}, sent: {pushed}, deleted here: {deletedLocally}.',
    codeFailed: 'Sync failed: {title}.',
    codeSetAside: 'An object from the server could not be read and was set aside (see “Objects set aside”).',
    codeConflict:
      'The same event was changed here and on the server: the server’s version is shown, yours is kept as a conflict copy.',
    codeReverted:
      'The server refused a change because the calendar is read-only there: it was undone here, and your version is kept as a conflict copy.',
    codeEmptyOnServer: {
      one: 'The server no longer lists the one event synced here. Nothing was deleted; Almanac asks you what to do.',
      other:
        'The server lists none of the {count} events synced here. Nothing was deleted; Almanac asks you what to do.',
    },
    codeTokenRefused:
      'The server no longer knew where the last sync ended: Almanac compared the whole calendar instead.',
    codeAnswered:
      'Your choice for the empty calendar was applied. Deleted here: {deleted}, to send: {queued}.',
    codeMoved: 'An event was moved on the server; Almanac followed it.',
    codeServerEditKept: 'An event you deleted had been changed on the server: the changed version was kept.',
    codeEditWaits: 'A change could not be sent yet: it is tried again at the next sync.',
    codeInternal: 'The sync service ran into a problem. Copy the diagnostics below and report it.',
    technical: 'Technical detail: {message}',
    copyTitle: 'Diagnostics for a bug report',
    copyIntro:
      'Copies the sync log, each calendar’s sync state, the objects set aside, the app version and your browser’s name. It includes the raw text of the objects set aside, which is your own calendar data: read it before you share it.',
    copy: 'Copy diagnostics',
    copying: 'Gathering…',
    copied: 'Copied',
    copyRefused:
      'The browser did not allow copying. The diagnostics are selected below: copy them with Ctrl+C (⌘C on a Mac).',
    copyFallbackLabel: 'Diagnostics',
    copyFailed: 'The diagnostics could not be gathered: {reason}',
  },
  fr: {
    title: 'Journal de synchronisation',
    intro:
      'Ce qui s’est passé lors des dernières synchronisations, du plus récent au plus ancien. Il reste sur cet appareil et ne contient jamais de mot de passe ni le contenu de vos événements.',
    errorsOnly: 'Erreurs seulement',
    lines: 'Lignes du journal de synchronisation',
    empty: 'Rien n’a encore été consigné.',
    emptyErrors: 'Aucune erreur consignée.',
    shownOf: 'Les {shown} lignes les plus récentes sur {total}.',
    levelError: 'Erreur',
    levelWarn: 'Avertissement',
    levelInfo: 'Info',
    where: '{account} › {calendar}',
    removedCalendar: 'un calendrier supprimé',
    removedAccount: 'un compte supprimé',
    syncService: 'Service de synchronisation',
    codeSynced: 'Synchronisé. Reçus : {pulled}, envoyés : {pushed}, supprimés ici : {deletedLocally}.',
    codeFailed: 'Échec de la synchronisation : {title}.',
    codeSetAside:
      'Un objet du serveur n’a pas pu être lu et a été mis de côté (voir « Objets mis de côté »).',
    codeConflict:
      'Le même événement a été modifié ici et sur le serveur : la version du serveur est affichée, la vôtre est gardée comme copie de conflit.',
    codeReverted:
      'Le serveur a refusé une modification car le calendrier y est en lecture seule : elle a été annulée ici, et votre version est gardée comme copie de conflit.',
    codeEmptyOnServer: {
      one: 'Le serveur ne montre plus l’unique événement synchronisé ici. Rien n’a été supprimé ; Almanac vous demande quoi faire.',
      other:
        'Le serveur ne montre aucun des {count} événements synchronisés ici. Rien n’a été supprimé ; Almanac vous demande quoi faire.',
    },
    codeTokenRefused:
      'Le serveur ne savait plus où la dernière synchronisation s’était arrêtée : Almanac a comparé tout le calendrier à la place.',
    codeAnswered:
      'Votre choix pour le calendrier vide a été appliqué. Supprimés ici : {deleted}, à envoyer : {queued}.',
    codeMoved: 'Un événement a été déplacé sur le serveur ; Almanac l’a suivi.',
    codeServerEditKept:
      'Un événement que vous avez supprimé avait été modifié sur le serveur : la version modifiée a été gardée.',
    codeEditWaits:
      'Une modification n’a pas encore pu être envoyée : elle sera réessayée à la prochaine synchronisation.',
    codeInternal:
      'Le service de synchronisation a rencontré un problème. Copiez les diagnostics ci-dessous et signalez-le.',
    technical: 'Détail technique : {message}',
    copyTitle: 'Diagnostics pour un signalement',
    copyIntro:
      'Copie le journal de synchronisation, l’état de synchronisation de chaque calendrier, les objets mis de côté, la version de l’application et le nom de votre navigateur. Le texte brut des objets mis de côté y figure : ce sont vos propres données de calendrier, relisez-les avant de les partager.',
    copy: 'Copier les diagnostics',
    copying: 'Collecte…',
    copied: 'Copié',
    copyRefused:
      'Le navigateur n’a pas autorisé la copie. Les diagnostics sont sélectionnés ci-dessous : copiez-les avec Ctrl+C (⌘C sur Mac).',
    copyFallbackLabel: 'Diagnostics',
    copyFailed: 'Les diagnostics n’ont pas pu être rassemblés : {reason}',
  },
});
