import { createResource, Match, onMount, Switch, type JSX } from 'solid-js';
import { useCatalog } from '../lib/i18n/locale';
import { App } from './App';
import { shellMessages } from './shell-messages';
import { StartupErrorPage } from './StartupErrorPage';
import { startBackgroundTasks, startUp } from './startup';

/** Starts the app: a quiet splash while the database opens, then the app or a full-page error. */
export function Root(): JSX.Element {
  const t = useCatalog(shellMessages);
  const [started] = createResource(startUp);
  return (
    <Switch
      fallback={
        <div class="splash" role="status" aria-busy="true">
          <p>{t('starting')}</p>
        </div>
      }
    >
      <Match when={started.error !== undefined}>
        {/* Solid types a resource's error as `any`; it is whatever startUp threw. */}
        <StartupErrorPage error={started.error as unknown} />
      </Match>
      <Match when={started.state === 'ready'}>
        <Started />
      </Match>
    </Switch>
  );
}

function Started(): JSX.Element {
  onMount(startBackgroundTasks);
  return <App />;
}
