import { createEffect, createResource, on, Show, type JSX } from 'solid-js';
import { App } from './App';
import { StartupErrorPage } from './StartupErrorPage';
import { whenIdle } from './idle';
import {
  applyBootPreferences,
  reportUncaughtStorageProblems,
  startBackgroundTasks,
  startUp,
} from './startup';

/**
 * Starts the app: the shell and the page paint at once (in the language and theme last used) while
 * the database opens; pages read through live queries, which wait for it. If it cannot open, a
 * full-page error replaces everything.
 */
export function Root(): JSX.Element {
  applyBootPreferences();
  reportUncaughtStorageProblems();
  const [started] = createResource(startUp);
  // Background work waits for the database and then for a quiet moment after the first paints.
  createEffect(
    on(
      () => started.state === 'ready',
      (ready) => {
        if (ready) whenIdle(startBackgroundTasks);
      },
    ),
  );
  return (
    <Show
      when={started.error === undefined}
      // Solid types a resource's error as `any`; it is whatever startUp threw.
      fallback={<StartupErrorPage error={started.error as unknown} />}
    >
      <App />
    </Show>
  );
}
