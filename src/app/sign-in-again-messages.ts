import { defineCatalog } from '../lib/i18n/i18n-types';

/** The "Sign in again" banner (every page): the account, what still works, the button. */
export const signInAgainMessages = defineCatalog({
  en: {
    title: 'Sign in again to {name}',
    body: 'Microsoft needs you to sign in again before {username} can sync. Everything stays readable and editable here; your changes wait and are sent once you have.',
    signInAgain: 'Sign in again',
    signingIn: 'Finish signing in in the Microsoft window…',
    cancelled: 'Sign-in was cancelled: the changes still wait.',
    popupBlocked:
      'Your browser blocked the Microsoft sign-in window. Allow pop-ups for this site, then try again.',
    otherUser: 'You signed in with another Microsoft account. Sign in again as {username}.',
    failed: 'Sign-in did not work: {reason}',
  },
  fr: {
    title: 'Reconnectez-vous à {name}',
    body: 'Microsoft vous demande de vous reconnecter pour que {username} se synchronise. Tout reste lisible et modifiable ici ; vos modifications attendent et seront envoyées une fois reconnecté.',
    signInAgain: 'Se reconnecter',
    signingIn: 'Terminez la connexion dans la fenêtre Microsoft…',
    cancelled: 'Connexion annulée : les modifications attendent toujours.',
    popupBlocked:
      'Votre navigateur a bloqué la fenêtre de connexion Microsoft. Autorisez les fenêtres pop-up pour ce site, puis réessayez.',
    otherUser:
      'Vous vous êtes connecté avec un autre compte Microsoft. Reconnectez-vous en tant que {username}.',
    failed: 'La connexion n’a pas abouti : {reason}',
  },
});
