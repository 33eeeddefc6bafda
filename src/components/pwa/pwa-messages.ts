import { defineCatalog } from '../../lib/i18n/i18n-types';

/** Words of the update prompt and of the "updated in another tab" notice. */
export const pwaMessages = defineCatalog({
  en: {
    updateReady: 'A new version is ready',
    updateReadyHint: 'Your calendars and unsent changes are kept.',
    reloadToUpdate: 'Reload to update',
    updating: 'Updating…',
    closedForUpgradeTitle: 'Almanac was updated in another tab',
    closedForUpgradeText: 'Reload this tab to keep working. Nothing you saved is lost.',
    reload: 'Reload',
  },
  fr: {
    updateReady: 'Une nouvelle version est prête',
    updateReadyHint: 'Vos calendriers et les modifications pas encore envoyées sont conservés.',
    reloadToUpdate: 'Recharger pour mettre à jour',
    updating: 'Mise à jour…',
    closedForUpgradeTitle: 'Almanac a été mis à jour dans un autre onglet',
    closedForUpgradeText:
      'Rechargez cet onglet pour continuer. Rien de ce que vous avez enregistré n’est perdu.',
    reload: 'Recharger',
  },
});
