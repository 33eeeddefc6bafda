import { createResource, createSignal, createUniqueId, Match, onMount, Switch, type JSX } from 'solid-js';
import { toAppErrorData, type AppErrorData } from '../../../core/errors';
import type { DiscoveryResult, NewGraphAccountInput } from '../../../core/sync/sync-api';
import { useCatalog } from '../../../lib/i18n/locale';
import {
  prepareMicrosoftSignIn,
  signIn,
  signInAvailability,
  type SignedInUser,
} from '../../../lib/microsoft/microsoft-auth';
import { syncApi } from '../../../lib/sync-client';
import { CalendarPicker } from './CalendarPicker';
import { microsoftMessages } from './microsoft-messages';
import { SignInErrorNote } from './SignInErrorNote';

type Step =
  | { readonly step: 'start' }
  | { readonly step: 'signing-in' }
  | { readonly step: 'searching'; readonly user: SignedInUser }
  | { readonly step: 'pick'; readonly account: NewGraphAccountInput; readonly found: DiscoveryResult };

/**
 * "Sign in with Microsoft": the popup (MSAL, src/lib/microsoft) → the account's calendars, found by the
 * sync worker with a token from this page → the calendars picked and added (CalendarPicker.tsx). Without
 * a client id in the runtime configuration the button is disabled and says what to set.
 */
export function MicrosoftSignIn(props: { readonly onAdded: (name: string) => void }): JSX.Element {
  const t = useCatalog(microsoftMessages);
  const headingId = createUniqueId();
  const noteId = createUniqueId();
  const [availability] = createResource(signInAvailability);
  const [step, setStep] = createSignal<Step>({ step: 'start' });
  const [error, setError] = createSignal<AppErrorData | null>(null);
  const ready = () => availability()?.kind === 'ready';

  onMount(() => {
    // MSAL's chunk ahead of the click: the popup must open within the click's user activation.
    void signInAvailability().then((state) => {
      if (state.kind === 'ready') prepareMicrosoftSignIn();
    });
  });

  const note = (): string | null => {
    const state = availability();
    if (state === undefined) return t('checking');
    switch (state.kind) {
      case 'ready':
        return null;
      case 'no-client-id':
        return t('notConfigured');
      case 'invalid-config':
        return t('invalidConfig', { variable: state.variable ?? 'config.json' });
      case 'config-unavailable':
        return t('configUnavailable');
    }
  };

  const start = async (): Promise<void> => {
    const state = availability();
    if (state?.kind !== 'ready') return;
    setError(null);
    setStep({ step: 'signing-in' });
    try {
      const user = await signIn();
      setStep({ step: 'searching', user });
      const graphBaseUrl = state.config.graphBaseUrl;
      const calendars = await syncApi.discoverGraph({ homeAccountId: user.homeAccountId, graphBaseUrl });
      const account: NewGraphAccountInput = {
        kind: 'graph',
        homeAccountId: user.homeAccountId,
        username: user.username,
        name: user.name,
        graphBaseUrl,
      };
      // "Calendars found on ada@example.org": the user, rather than Graph's address.
      setStep({ step: 'pick', account, found: { serverUrl: user.username, calendars } });
    } catch (caught) {
      setError(toAppErrorData(caught));
      setStep({ step: 'start' });
    }
  };

  const pickStep = () => {
    const current = step();
    return current.step === 'pick' ? current : null;
  };

  return (
    <section class="account-add" aria-labelledby={headingId}>
      <h3 id={headingId} class="account-add__title">
        {t('heading')}
      </h3>
      <Switch>
        <Match when={pickStep()}>
          {(pick) => (
            <CalendarPicker
              found={pick().found}
              account={pick().account}
              onAdded={(name) => {
                setStep({ step: 'start' });
                props.onAdded(name);
              }}
              onBack={() => {
                setError(null);
                setStep({ step: 'start' });
              }}
            />
          )}
        </Match>
        <Match when={step().step !== 'pick'}>
          <p class="muted">{t('intro')}</p>
          <button
            type="button"
            class="button button--primary"
            disabled={!ready() || step().step !== 'start'}
            aria-describedby={noteId}
            onClick={() => {
              void start();
            }}
          >
            {t('signIn')}
          </button>
          <p id={noteId} class="field__hint" role="status">
            {note() ??
              (step().step === 'signing-in'
                ? t('signingIn')
                : step().step === 'searching'
                  ? t('searching')
                  : '')}
          </p>
          <SignInErrorNote error={error()} />
        </Match>
      </Switch>
    </section>
  );
}
