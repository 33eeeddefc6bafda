import { defineCatalog } from '../../lib/i18n/i18n-types';

/** Words of the "Join" link of an online meeting (dashboard and event details). */
export const meetingMessages = defineCatalog({
  en: {
    join: 'Join',
    joinOn: 'Join {title} on {service} (opens in a new tab)',
    joinOnline: 'Join {title} online (opens in a new tab)',
    teams: 'Microsoft Teams',
    zoom: 'Zoom',
    meet: 'Google Meet',
    jitsi: 'Jitsi Meet',
    webex: 'Webex',
  },
  fr: {
    join: 'Rejoindre',
    joinOn: "Rejoindre {title} sur {service} (s'ouvre dans un nouvel onglet)",
    joinOnline: "Rejoindre {title} en ligne (s'ouvre dans un nouvel onglet)",
    teams: 'Microsoft Teams',
    zoom: 'Zoom',
    meet: 'Google Meet',
    jitsi: 'Jitsi Meet',
    webex: 'Webex',
  },
});
