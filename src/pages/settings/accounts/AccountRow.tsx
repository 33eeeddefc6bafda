import { createSignal, createUniqueId, Show, type JSX } from 'solid-js';
import { AccountSyncStatus } from '../../../components/sync';
import type { Account } from '../../../core/model/account';
import { useCatalog } from '../../../lib/i18n/locale';
import { AccountNameField } from './AccountNameField';
import { accountsMessages } from './accounts-messages';
import { RemoveAccountDialog } from './RemoveAccountDialog';

/**
 * One account in Settings › Accounts, whatever its kind: its name (which the user may change) and state,
 * who it is on which server,
 * what the user must do when it waits for them (`notice`: the CalDAV password, the Microsoft sign-in),
 * its calendars' sync, the kind's own settings (`children`) and "Remove account".
 */
export function AccountRow(props: {
  readonly account: Pick<Account, 'id' | 'name'>;
  /** The state's words ("Connected", "Needs password", "Needs sign-in"). */
  readonly state: string;
  /** The account waits for the user: the state shows as an alert. */
  readonly waiting: boolean;
  /** Who, where: "ann on dav.example", "Signed in as ada@example.org". */
  readonly identity: string;
  /** Shown under the identity: what the user can do while the account waits for them. */
  readonly notice?: JSX.Element;
  /** What the removal dialog says is removed, when it is not the CalDAV words. */
  readonly removeBody?: string;
  /** After the account is removed (a Microsoft account's sign-in forgotten on this device). */
  readonly afterRemoval?: () => Promise<void>;
  readonly children?: JSX.Element;
}): JSX.Element {
  const t = useCatalog(accountsMessages);
  const headingId = createUniqueId();
  const [removing, setRemoving] = createSignal(false);
  return (
    <li class="account" aria-labelledby={headingId}>
      <div class="account__head">
        <h3 id={headingId} class="account__name">
          {props.account.name}
        </h3>
        <span class={props.waiting ? 'account__state account__state--alert' : 'account__state'}>
          {props.state}
        </span>
      </div>
      <p class="muted account__server">{props.identity}</p>
      <AccountNameField account={props.account} />
      {props.notice}
      <AccountSyncStatus accountId={props.account.id} />
      {props.children}
      <div class="account__actions">
        <button type="button" class="button button--danger" onClick={() => setRemoving(true)}>
          {t('removeAccount')}
        </button>
      </div>
      <Show when={removing()}>
        <RemoveAccountDialog
          account={props.account}
          {...(props.removeBody !== undefined ? { body: props.removeBody } : {})}
          {...(props.afterRemoval !== undefined ? { afterRemoval: props.afterRemoval } : {})}
          onClose={() => setRemoving(false)}
        />
      </Show>
    </li>
  );
}
