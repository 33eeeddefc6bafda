import { createSignal, createUniqueId, For, Show, type JSX } from 'solid-js';
import { PROVIDER_PRESETS, providerPreset } from '../../../core/accounts/provider-presets';
import type { AppErrorData } from '../../../core/errors';
import { CalDavProvider } from '../../../core/model/account';
import { useCatalog } from '../../../lib/i18n/locale';
import { fieldProblems, serverFieldFor, type AccountFormFields, type FieldProblem } from './account-form';
import { accountsMessages } from './accounts-messages';
import { ErrorNote } from './ErrorNote';

interface Props {
  /** Called with valid fields; resolves when discovery ended (the error, if any, comes back as props.error). */
  readonly onSubmit: (fields: AccountFormFields) => Promise<void>;
  readonly error: AppErrorData | null;
  /** Kept when the user comes back from the calendar list. */
  readonly initial: AccountFormFields | null;
}

const PROVIDERS = PROVIDER_PRESETS.map((preset) => preset.id);

/** Step 1 of "Add account": provider, Server URL, Username, Password. */
export function AddAccountForm(props: Props): JSX.Element {
  const t = useCatalog(accountsMessages);
  const ids = {
    provider: createUniqueId(),
    server: createUniqueId(),
    user: createUniqueId(),
    pass: createUniqueId(),
  };
  const hintId = createUniqueId();
  const helpId = createUniqueId();
  const errorId = createUniqueId();

  const start = props.initial;
  const [provider, setProvider] = createSignal<CalDavProvider>(start?.provider ?? CalDavProvider.infomaniak);
  const [serverUrl, setServerUrl] = createSignal(
    start?.serverUrl ?? serverFieldFor(CalDavProvider.infomaniak),
  );
  const [username, setUsername] = createSignal(start?.username ?? '');
  const [password, setPassword] = createSignal(start?.password ?? '');
  const [problems, setProblems] = createSignal<FieldProblem[]>([]);
  const [busy, setBusy] = createSignal(false);
  const preset = () => providerPreset(provider());
  const brand = () => preset().brand;
  const fields = (): AccountFormFields => ({
    provider: provider(),
    serverUrl: serverUrl(),
    username: username(),
    password: password(),
  });
  const invalid = (field: FieldProblem) => problems().includes(field);

  const serverHint = () => {
    const server = preset().server;
    if (server.kind === 'fixed') return t('serverUrlHintFixed', { brand: brand() });
    if (server.kind === 'self-hosted') return t('serverUrlHintNextcloud');
    return t('serverUrlHintOther');
  };

  const submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const found = fieldProblems(fields());
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    void props.onSubmit(fields()).finally(() => setBusy(false));
  };

  const fieldErrorIds: Readonly<Record<FieldProblem, string>> = {
    serverUrl: createUniqueId(),
    username: createUniqueId(),
    password: createUniqueId(),
  };
  const describedBy = (field: FieldProblem, hint: string) =>
    [hint, invalid(field) ? fieldErrorIds[field] : '', props.error ? errorId : '']
      .filter((id) => id !== '')
      .join(' ');

  return (
    <form class="account-form" noValidate onSubmit={submit} aria-busy={busy()}>
      <div class="field">
        <label for={ids.provider}>{t('provider')}</label>
        <select
          id={ids.provider}
          value={provider()}
          onChange={(event) => {
            const next = PROVIDERS.find((id) => id === event.currentTarget.value) ?? CalDavProvider.other;
            setProvider(next);
            setServerUrl(serverFieldFor(next));
          }}
        >
          <For each={PROVIDER_PRESETS}>
            {(option) => (
              <option value={option.id}>{option.brand === '' ? t('providerOther') : option.brand}</option>
            )}
          </For>
        </select>
      </div>
      <div class="field">
        <label for={ids.server}>{t('serverUrl')}</label>
        <input
          id={ids.server}
          type="url"
          inputmode="url"
          autocomplete="url"
          spellcheck={false}
          required
          value={serverUrl()}
          aria-invalid={invalid('serverUrl') ? 'true' : undefined}
          aria-describedby={describedBy('serverUrl', hintId)}
          onInput={(event) => setServerUrl(event.currentTarget.value)}
        />
        <p id={hintId} class="field__hint">
          {serverHint()}
        </p>
        <Show when={invalid('serverUrl')}>
          <p id={fieldErrorIds.serverUrl} class="field__error">
            {t('serverUrlMissing')}
          </p>
        </Show>
      </div>
      <div class="field">
        <label for={ids.user}>{t('username')}</label>
        <input
          id={ids.user}
          type="text"
          autocomplete="username"
          autocapitalize="none"
          spellcheck={false}
          required
          value={username()}
          aria-invalid={invalid('username') ? 'true' : undefined}
          aria-describedby={describedBy('username', '')}
          onInput={(event) => setUsername(event.currentTarget.value)}
        />
        <Show when={invalid('username')}>
          <p id={fieldErrorIds.username} class="field__error">
            {t('usernameMissing')}
          </p>
        </Show>
      </div>
      <div class="field">
        <label for={ids.pass}>{t('password')}</label>
        <input
          id={ids.pass}
          type="password"
          autocomplete="current-password"
          required
          value={password()}
          aria-invalid={invalid('password') ? 'true' : undefined}
          aria-describedby={describedBy('password', helpId)}
          onInput={(event) => setPassword(event.currentTarget.value)}
        />
        <div id={helpId} class="field__hint">
          <p>
            {preset().requiresAppPassword
              ? t('appPasswordRequired', { brand: brand() })
              : t('appPasswordOptional')}
          </p>
          <Show when={preset().id === CalDavProvider.nextcloud}>
            <p>{t('appPasswordLinkNextcloud')}</p>
          </Show>
          <Show when={preset().appPasswordUrl}>
            {(url) => (
              <p>
                <a href={url()} target="_blank" rel="noopener noreferrer">
                  {t('appPasswordLink', { brand: brand() })}
                </a>
              </p>
            )}
          </Show>
        </div>
        <Show when={invalid('password')}>
          <p id={fieldErrorIds.password} class="field__error">
            {t('passwordMissing')}
          </p>
        </Show>
      </div>
      <ErrorNote id={errorId} error={props.error} typedPassword />
      <div class="account-form__actions">
        <button type="submit" class="button button--primary" disabled={busy()}>
          {t('addAccount')}
        </button>
        <Show when={busy()}>
          <span role="status" class="muted">
            {t('searching')}
          </span>
        </Show>
      </div>
    </form>
  );
}
