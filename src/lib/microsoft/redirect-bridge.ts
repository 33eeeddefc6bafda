/**
 * MSAL's redirect-bridge page (docs/sync-rules.md rule 52), served at REDIRECT_BRIDGE_PATH: the
 * authority sends the sign-in answer here, in the popup or in MSAL's hidden iframe, and this page hands
 * it to the app's window over a BroadcastChannel. Its own small chunk: MSAL's bridge only, no app code.
 * Served without Cross-Origin-Opener-Policy (scripts/serve.mjs) and never by the service worker.
 */
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';
import { bridgeMessages } from './bridge-messages';

const words = navigator.language.toLowerCase().startsWith('fr') ? bridgeMessages.fr : bridgeMessages.en;
const status = document.getElementById('bridge-status');
document.documentElement.lang = words === bridgeMessages.fr ? 'fr' : 'en';
if (status) status.textContent = words.working;

broadcastResponseToMainFrame().catch(() => {
  // No answer in the address (opened by hand, or an old link): say what to do instead.
  if (status) status.textContent = words.failed;
});
