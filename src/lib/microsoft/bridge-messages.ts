import { defineCatalog } from '../i18n/i18n-types';

/** The redirect-bridge page's words (it runs alone in the sign-in window, without the app). */
export const bridgeMessages = defineCatalog({
  en: {
    working: 'Finishing sign-in…',
    failed:
      'Sign-in could not be finished here. Close this window and choose “Sign in with Microsoft” in Almanac again.',
  },
  fr: {
    working: 'Fin de la connexion…',
    failed:
      'La connexion n’a pas pu aboutir ici. Fermez cette fenêtre et choisissez « Se connecter avec Microsoft » dans Almanac.',
  },
});
