import { defineCatalog } from '../../../lib/i18n/i18n-types';

/** Settings › Accounts, Microsoft 365. "Sign in with Microsoft" and "Sign in again" are the contract. */
export const microsoftMessages = defineCatalog({
  en: {
    heading: 'Microsoft 365',
    intro: 'Outlook and Microsoft 365 calendars, with your Microsoft work, school or personal account.',
    signIn: 'Sign in with Microsoft',
    checking: 'Checking Microsoft sign-in…',
    notConfigured:
      'Microsoft sign-in is not set up on this server. Whoever runs Almanac sets ALMANAC_MS_CLIENT_ID to the Application (client) ID of an app registered in Microsoft Entra (README.md, “Microsoft 365”), then restarts it.',
    invalidConfig:
      'This server’s Microsoft settings are not valid ({variable}). Whoever runs Almanac can correct them as README.md, “Configuration”, explains.',
    configUnavailable:
      'Microsoft sign-in needs a connection to the server once. Go online, then reload this page.',
    signingIn: 'Finish signing in in the Microsoft window…',
    searching: 'Looking for your calendars…',
    cancelled: 'Sign-in was cancelled. Nothing was added.',
    popupBlocked:
      'Your browser blocked the Microsoft sign-in window. Allow pop-ups for this site, then try again.',
    otherUser: 'You signed in with another Microsoft account. Sign in again as {username}.',
    signedInAs: 'Signed in as {username}',
    stateNeedsSignIn: 'Needs sign-in',
    stateNeedsSignInHelp:
      'Microsoft asks you to sign in again. Your calendars stay readable and editable here; changes wait and are sent once you have.',
    signInAgain: 'Sign in again',
    signedInAgain: 'Signed in again. Sync resumes.',
    removeBody:
      'Its calendars, their events and any changes not yet sent are removed from this device, with its Microsoft sign-in. Nothing is deleted at Microsoft.',
  },
  fr: {
    heading: 'Microsoft 365',
    intro:
      'Les calendriers Outlook et Microsoft 365, avec votre compte Microsoft professionnel, scolaire ou personnel.',
    signIn: 'Se connecter avec Microsoft',
    checking: 'Vérification de la connexion Microsoft…',
    notConfigured:
      'La connexion Microsoft n’est pas configurée sur ce serveur. La personne qui gère Almanac règle ALMANAC_MS_CLIENT_ID sur l’ID d’application (client) d’une application inscrite dans Microsoft Entra (README.md, « Microsoft 365 »), puis le redémarre.',
    invalidConfig:
      'Les réglages Microsoft de ce serveur ne sont pas valides ({variable}). La personne qui gère Almanac peut les corriger comme l’explique README.md, « Configuration ».',
    configUnavailable:
      'La connexion Microsoft a besoin de joindre le serveur une fois. Connectez-vous au réseau, puis rechargez cette page.',
    signingIn: 'Terminez la connexion dans la fenêtre Microsoft…',
    searching: 'Recherche de vos calendriers…',
    cancelled: 'La connexion a été annulée. Rien n’a été ajouté.',
    popupBlocked:
      'Votre navigateur a bloqué la fenêtre de connexion Microsoft. Autorisez les fenêtres pop-up pour ce site, puis réessayez.',
    otherUser:
      'Vous vous êtes connecté avec un autre compte Microsoft. Reconnectez-vous en tant que {username}.',
    signedInAs: 'Connecté en tant que {username}',
    stateNeedsSignIn: 'Connexion requise',
    stateNeedsSignInHelp:
      'Microsoft vous demande de vous reconnecter. Vos calendriers restent lisibles et modifiables ici ; les modifications attendent et seront envoyées une fois reconnecté.',
    signInAgain: 'Se reconnecter',
    signedInAgain: 'Reconnecté. La synchronisation reprend.',
    removeBody:
      'Ses calendriers, leurs événements et les modifications pas encore envoyées sont supprimés de cet appareil, avec sa connexion Microsoft. Rien n’est supprimé chez Microsoft.',
  },
});
