import { defineCatalog } from '../../lib/i18n/i18n-types';

/** Every word of the subscribe screen and of subscriptions elsewhere. See tests/e2e/ui-contract.md. */
export const subscribeMessages = defineCatalog({
  en: {
    heading: 'Subscribe to a calendar',
    intro:
      'Follow a calendar published on the web (webcal: or https: link). It stays read-only here and is refreshed every hour.',
    address: 'Calendar address',
    addressHint: 'For example webcal://example.org/holidays.ics',
    preview: 'Preview',
    previewing: 'Fetching the calendar…',
    previewHeading: 'Preview',
    name: 'Name',
    colour: 'Colour',
    eventCount: 'Events: {count}',
    brokenCount: 'Entries that cannot be read (skipped): {count}',
    subscribe: 'Subscribe',
    subscribing: 'Subscribing…',
    subscribed: 'Subscribed to {name}. Its events are in the agenda, read-only.',
    openAgenda: 'Open the agenda',
    failed: 'The calendar could not be fetched ({message}). Check the address, then try again later.',
    hostNotAllowed:
      'Almanac’s proxy is not allowed to reach this server. Ask whoever runs Almanac to add it to ALMANAC_PROXY_ALLOWED_HOSTS.',
    proxyRefused: 'Almanac’s proxy did not fetch this calendar. {action}',
    notFound:
      'There is no calendar at this address. Check it for typing mistakes, or ask the publisher for the current link.',
    notCalendar:
      'This address does not give a calendar (.ics). Use the link to the calendar file (webcal: or .ics), not the web page that shows it.',
    network: 'The calendar could not be reached. Check the address and your connection, then try again.',
    invalidAddress:
      'Enter an address starting with webcal:, https: or http:, for example webcal://example.org/holidays.ics.',
    alreadySubscribed:
      'You are already subscribed to this calendar. It is in the agenda’s list of calendars, where you can rename or remove it.',
    refused:
      'The server refuses to share this calendar. Check that you copied its public (shared) link, or ask the publisher to publish it.',
    serverProblem:
      'The calendar’s server reported a problem. Try again later; if it keeps failing, tell whoever publishes the calendar.',
    insecure:
      'This calendar is not encrypted (http): anyone on the network between you and its server could read or change it. Subscribe only if you trust it, or ask the publisher for an https address.',
    subscriptionsHeading: 'Your subscriptions',
    lastChecked: 'Last checked {when}',
    neverChecked: 'Not checked yet',
    lastError: 'Last refresh failed: {message}',
    refreshNow: 'Refresh {name} now',
    refreshed: '{name} is up to date.',
  },
  fr: {
    heading: 'S’abonner à un calendrier',
    intro:
      'Suivez un calendrier publié sur le web (lien webcal: ou https:). Il reste en lecture seule ici et est actualisé toutes les heures.',
    address: 'Adresse du calendrier',
    addressHint: 'Par exemple webcal://example.org/feries.ics',
    preview: 'Aperçu',
    previewing: 'Récupération du calendrier…',
    previewHeading: 'Aperçu',
    name: 'Nom',
    colour: 'Couleur',
    eventCount: 'Événements : {count}',
    brokenCount: 'Entrées illisibles (ignorées) : {count}',
    subscribe: 'S’abonner',
    subscribing: 'Abonnement…',
    subscribed: 'Abonné à {name}. Ses événements sont dans l’agenda, en lecture seule.',
    openAgenda: 'Ouvrir l’agenda',
    failed:
      'Le calendrier n’a pas pu être récupéré ({message}). Vérifiez l’adresse, puis réessayez plus tard.',
    hostNotAllowed:
      'Le proxy d’Almanac n’a pas le droit de joindre ce serveur. Demandez à la personne qui gère Almanac de l’ajouter à ALMANAC_PROXY_ALLOWED_HOSTS.',
    proxyRefused: 'Le proxy d’Almanac n’a pas récupéré ce calendrier. {action}',
    notFound:
      'Il n’y a pas de calendrier à cette adresse. Vérifiez qu’elle ne contient pas de faute de frappe, ou demandez le lien actuel à son éditeur.',
    notCalendar:
      'Cette adresse ne donne pas un calendrier (.ics). Utilisez le lien du fichier de calendrier (webcal: ou .ics), pas celui de la page web qui l’affiche.',
    network: 'Le calendrier est injoignable. Vérifiez l’adresse et votre connexion, puis réessayez.',
    invalidAddress:
      'Saisissez une adresse commençant par webcal:, https: ou http:, par exemple webcal://example.org/feries.ics.',
    alreadySubscribed:
      'Vous êtes déjà abonné à ce calendrier. Il figure dans la liste des calendriers de l’agenda, où vous pouvez le renommer ou le supprimer.',
    refused:
      'Le serveur refuse de partager ce calendrier. Vérifiez que vous avez copié son lien public (partagé), ou demandez à son éditeur de le publier.',
    serverProblem:
      'Le serveur du calendrier a signalé un problème. Réessayez plus tard ; si cela continue, prévenez l’éditeur du calendrier.',
    insecure:
      'Ce calendrier n’est pas chiffré (http) : toute personne sur le réseau entre vous et son serveur pourrait le lire ou le modifier. Abonnez-vous seulement si vous lui faites confiance, ou demandez une adresse https à son éditeur.',
    subscriptionsHeading: 'Vos abonnements',
    lastChecked: 'Vérifié {when}',
    neverChecked: 'Pas encore vérifié',
    lastError: 'La dernière actualisation a échoué : {message}',
    refreshNow: 'Actualiser {name} maintenant',
    refreshed: '{name} est à jour.',
  },
});

export type SubscribeMessageKey = keyof (typeof subscribeMessages)['en'];
