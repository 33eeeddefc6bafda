import type { AppErrorData, ErrorKind } from '../core/errors';
import { defineCatalog } from './i18n/i18n-types';
import { useCatalog } from './i18n/locale';
import { proxyRefusalWords } from './proxy-refusal-words';
import { unsupportedRecurrenceWhy } from './unsupported-recurrence-words';

/** For each error kind: what happened (`…Title`) and what the user can do about it (`…Action`). */
export const errorMessages = defineCatalog({
  en: {
    storageUnavailableTitle: 'Almanac cannot store data in this browser',
    storageUnavailableAction:
      'Your browser refused access to its local database. This happens in private windows, when site data is blocked, or when another Almanac tab is being upgraded. Open Almanac in a normal window, allow site data for this site, close other Almanac tabs, then try again.',
    quotaExceededTitle: 'Your device is out of storage space for Almanac',
    quotaExceededAction:
      'The last change could not be saved. Free some disk space or clear data of other sites, then try again. Settings › Storage shows how much Almanac uses.',
    invalidInputTitle: 'Some of the data is not valid',
    invalidInputAction: 'Check the highlighted fields and try again.',
    malformedIcsTitle: 'A calendar file could not be read',
    malformedIcsAction: 'The file is damaged or not an iCalendar file. Try exporting it again.',
    notFoundTitle: 'This item no longer exists',
    notFoundAction: 'It may have been deleted in another tab or on another device.',
    readOnlyTitle: 'This calendar is read-only',
    readOnlyAction: 'Choose a calendar you can edit.',
    authTitle: 'The server did not accept your sign-in',
    authAction: 'Sign in to the account again.',
    networkTitle: 'The server could not be reached',
    networkAction: 'Your changes are kept on this device and sent when you are back online.',
    serverTitle: 'The server reported a problem',
    serverAction: 'Almanac will try again later.',
    conflictTitle: 'This item was changed elsewhere',
    conflictAction: 'Reload it to see the latest version, then make your change again.',
    appPasswordNeededTitle: 'This server needs an app password',
    appPasswordNeededAction:
      "Your provider does not accept your normal password here. Create an app password in your provider's security settings and use it instead.",
    serverNotFoundTitle: 'No server answers at this address',
    serverNotFoundAction: 'Check the server URL for typing mistakes, and that you are online.',
    notCalDavTitle: 'This server does not offer calendars here',
    notCalDavAction: 'Check the server URL: your provider’s help pages give the CalDAV address.',
    hostNotAllowedTitle: 'Almanac is not allowed to reach this server',
    hostNotAllowedAction:
      'The proxy only reaches the servers it was configured for. Ask whoever runs Almanac to add this server to ALMANAC_PROXY_ALLOWED_HOSTS (with its port unless it is 443), and for a server on a private network to set ALMANAC_PROXY_ALLOW_PRIVATE=1.',
    suspiciousEmptyListingTitle: 'A calendar suddenly looks empty on the server',
    suspiciousEmptyListingAction:
      'Nothing was deleted on this device. Check the calendar on the server, then choose “Empty it here too” or “Put my events back on the server”.',
    unsupportedRecurrenceTitle: 'Outlook cannot repeat an event this way',
    unsupportedRecurrenceAction:
      'Change its repeat to daily, weekly, monthly or yearly in the event, or keep it in a calendar that is not on Microsoft 365.',
    unknownTitle: 'Something went wrong',
    unknownAction: 'Reload the page and try again.',
  },
  fr: {
    storageUnavailableTitle: 'Almanac ne peut pas enregistrer de données dans ce navigateur',
    storageUnavailableAction:
      "Le navigateur a refusé l'accès à sa base de données locale. Cela arrive en navigation privée, quand les données de site sont bloquées ou quand un autre onglet Almanac est en cours de mise à jour. Ouvrez Almanac dans une fenêtre normale, autorisez les données pour ce site, fermez les autres onglets Almanac, puis réessayez.",
    quotaExceededTitle: "Votre appareil n'a plus d'espace de stockage pour Almanac",
    quotaExceededAction:
      "La dernière modification n'a pas pu être enregistrée. Libérez de l'espace disque ou effacez les données d'autres sites, puis réessayez. Réglages › Stockage indique l'espace utilisé par Almanac.",
    invalidInputTitle: 'Certaines données ne sont pas valides',
    invalidInputAction: 'Vérifiez les champs signalés et réessayez.',
    malformedIcsTitle: "Un fichier de calendrier n'a pas pu être lu",
    malformedIcsAction: "Le fichier est endommagé ou n'est pas un fichier iCalendar. Exportez-le de nouveau.",
    notFoundTitle: "Cet élément n'existe plus",
    notFoundAction: 'Il a peut-être été supprimé dans un autre onglet ou sur un autre appareil.',
    readOnlyTitle: 'Ce calendrier est en lecture seule',
    readOnlyAction: 'Choisissez un calendrier modifiable.',
    authTitle: "Le serveur n'a pas accepté votre connexion",
    authAction: 'Reconnectez-vous au compte.',
    networkTitle: "Le serveur n'est pas joignable",
    networkAction: 'Vos modifications sont conservées sur cet appareil et envoyées dès le retour du réseau.',
    serverTitle: 'Le serveur a signalé un problème',
    serverAction: 'Almanac réessaiera plus tard.',
    conflictTitle: 'Cet élément a été modifié ailleurs',
    conflictAction: 'Rechargez-le pour voir la dernière version, puis refaites votre modification.',
    appPasswordNeededTitle: "Ce serveur demande un mot de passe d'application",
    appPasswordNeededAction:
      "Votre fournisseur n'accepte pas votre mot de passe habituel ici. Créez un mot de passe d'application dans ses réglages de sécurité et utilisez-le.",
    serverNotFoundTitle: 'Aucun serveur ne répond à cette adresse',
    serverNotFoundAction: "Vérifiez l'URL du serveur et votre connexion.",
    notCalDavTitle: 'Ce serveur ne propose pas de calendriers à cette adresse',
    notCalDavAction: "Vérifiez l'URL du serveur : l'aide de votre fournisseur donne l'adresse CalDAV.",
    hostNotAllowedTitle: "Almanac n'a pas le droit de joindre ce serveur",
    hostNotAllowedAction:
      "Le proxy ne joint que les serveurs pour lesquels il est configuré. Demandez à la personne qui gère Almanac d'ajouter ce serveur à ALMANAC_PROXY_ALLOWED_HOSTS (avec son port s'il n'est pas 443) et, pour un serveur sur un réseau privé, de régler ALMANAC_PROXY_ALLOW_PRIVATE=1.",
    suspiciousEmptyListingTitle: 'Un calendrier semble soudain vide sur le serveur',
    suspiciousEmptyListingAction:
      "Rien n'a été supprimé sur cet appareil. Vérifiez le calendrier sur le serveur, puis choisissez « Le vider aussi ici » ou « Remettre mes événements sur le serveur ».",
    unsupportedRecurrenceTitle: 'Outlook ne sait pas répéter un événement de cette façon',
    unsupportedRecurrenceAction:
      'Choisissez une répétition quotidienne, hebdomadaire, mensuelle ou annuelle dans l’événement, ou gardez-le dans un calendrier qui n’est pas sur Microsoft 365.',
    unknownTitle: "Un problème s'est produit",
    unknownAction: 'Rechargez la page et réessayez.',
  },
});

type ErrorMessageKey = keyof (typeof errorMessages)['en'];

const KEYS: Readonly<Record<ErrorKind, { title: ErrorMessageKey; action: ErrorMessageKey }>> = {
  'storage-unavailable': { title: 'storageUnavailableTitle', action: 'storageUnavailableAction' },
  'quota-exceeded': { title: 'quotaExceededTitle', action: 'quotaExceededAction' },
  'invalid-input': { title: 'invalidInputTitle', action: 'invalidInputAction' },
  'malformed-ics': { title: 'malformedIcsTitle', action: 'malformedIcsAction' },
  'not-found': { title: 'notFoundTitle', action: 'notFoundAction' },
  'read-only': { title: 'readOnlyTitle', action: 'readOnlyAction' },
  auth: { title: 'authTitle', action: 'authAction' },
  network: { title: 'networkTitle', action: 'networkAction' },
  server: { title: 'serverTitle', action: 'serverAction' },
  conflict: { title: 'conflictTitle', action: 'conflictAction' },
  'app-password-needed': { title: 'appPasswordNeededTitle', action: 'appPasswordNeededAction' },
  'server-not-found': { title: 'serverNotFoundTitle', action: 'serverNotFoundAction' },
  'not-caldav': { title: 'notCalDavTitle', action: 'notCalDavAction' },
  'host-not-allowed': { title: 'hostNotAllowedTitle', action: 'hostNotAllowedAction' },
  'suspicious-empty-listing': {
    title: 'suspiciousEmptyListingTitle',
    action: 'suspiciousEmptyListingAction',
  },
  'unsupported-recurrence': { title: 'unsupportedRecurrenceTitle', action: 'unsupportedRecurrenceAction' },
  unknown: { title: 'unknownTitle', action: 'unknownAction' },
};

export interface ErrorMessage {
  /** What happened, in one sentence. */
  readonly title: string;
  /** What the user can do about it. */
  readonly action: string;
}

/**
 * What the user reads for an error of this kind, in the current UI language (reactive). An error the
 * CORS proxy caused carries its refusal, whose words name the exact setting to change; a repeat rule
 * Outlook cannot store carries its reason in `detail`, whose words say why.
 */
export function errorMessage(error: Pick<AppErrorData, 'kind' | 'proxyRefusal' | 'detail'>): ErrorMessage {
  const t = useCatalog(errorMessages);
  const keys = KEYS[error.kind];
  const why = error.kind === 'unsupported-recurrence' ? unsupportedRecurrenceWhy(error.detail) : null;
  const action = error.proxyRefusal
    ? proxyRefusalWords(error.proxyRefusal)
    : why === null
      ? t(keys.action)
      : `${why} ${t(keys.action)}`;
  return { title: t(keys.title), action };
}
