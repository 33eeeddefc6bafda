import { useNavigate } from '@solidjs/router';
import { onMount, type JSX } from 'solid-js';
import { consumeLaunches } from '../../lib/pwa/launch-queue';
import { registerServiceWorker } from '../../lib/pwa/register';
import { DbUpgradeNotice } from './DbUpgradeNotice';
import { UpdatePrompt } from './UpdatePrompt';
import './pwa-banner.css';

/**
 * The installed-app layer, mounted once in the shell: registers the service worker after the first
 * paint, routes launches (shortcuts, opened files, `webcal:` links) into the open window, and shows
 * the update prompt and the "updated in another tab" notice.
 */
export function PwaLayer(): JSX.Element {
  const navigate = useNavigate();
  onMount(() => {
    registerServiceWorker();
    consumeLaunches((path) => {
      navigate(path);
    });
  });
  return (
    <>
      <DbUpgradeNotice />
      <UpdatePrompt />
    </>
  );
}
