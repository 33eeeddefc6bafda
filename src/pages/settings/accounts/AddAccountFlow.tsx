import { createSignal, Match, Switch, type JSX } from 'solid-js';
import { toAppErrorData, type AppErrorData } from '../../../core/errors';
import type { DiscoveryResult, NewCalDavAccountInput } from '../../../core/sync/sync-api';
import { useCatalog } from '../../../lib/i18n/locale';
import { syncApi } from '../../../lib/sync-client';
import { accountName, discoveryUrl, effectiveProvider, type AccountFormFields } from './account-form';
import { accountsMessages } from './accounts-messages';
import { AddAccountForm } from './AddAccountForm';
import { CalendarPicker } from './CalendarPicker';

type Step =
  | { readonly step: 'form' }
  | { readonly step: 'pick'; readonly account: NewCalDavAccountInput; readonly found: DiscoveryResult };

/**
 * "Add account": the form → `syncApi.discoverCalDav` → the calendars found, picked and added
 * (CalendarPicker.tsx). The worker does the network and stores the password encrypted; the page never
 * keeps it beyond the flow.
 */
export function AddAccountFlow(props: { readonly onAdded: (name: string) => void }): JSX.Element {
  const t = useCatalog(accountsMessages);
  const [step, setStep] = createSignal<Step>({ step: 'form' });
  const [lastFields, setLastFields] = createSignal<AccountFormFields | null>(null);
  const [error, setError] = createSignal<AppErrorData | null>(null);

  const pickStep = () => {
    const current = step();
    return current.step === 'pick' ? current : null;
  };

  const discover = async (fields: AccountFormFields): Promise<void> => {
    const url = discoveryUrl(fields);
    if (url === null) return;
    setError(null);
    setLastFields(fields);
    try {
      const login = { serverUrl: url, username: fields.username.trim(), password: fields.password };
      const found = await syncApi.discoverCalDav(login);
      const provider = effectiveProvider(fields, url);
      const account: NewCalDavAccountInput = {
        kind: 'caldav',
        ...login,
        serverUrl: found.serverUrl,
        name: accountName(provider),
        provider,
      };
      setStep({ step: 'pick', account, found });
    } catch (caught) {
      setError(toAppErrorData(caught));
    }
  };

  return (
    <section class="account-add" aria-label={t('addHeading')}>
      <h3 class="account-add__title">{t('addHeading')}</h3>
      <Switch>
        <Match when={step().step === 'form'}>
          <AddAccountForm initial={lastFields()} error={error()} onSubmit={discover} />
        </Match>
        <Match when={pickStep()}>
          {(pick) => (
            <CalendarPicker
              found={pick().found}
              account={pick().account}
              onAdded={(name) => {
                setLastFields(null);
                setStep({ step: 'form' });
                props.onAdded(name);
              }}
              onBack={() => {
                setError(null);
                setStep({ step: 'form' });
              }}
            />
          )}
        </Match>
      </Switch>
    </section>
  );
}
