/**
 * "Sign in again" (docs/sync-rules.md rule 51) as every place that offers it runs it: the banner on
 * every page and the account in Settings › Accounts. One action with its state: busy while the popup
 * is open, the failure as data (each place words it), done once the account is signed in again. The
 * sign-in code, and MSAL's chunk after it, load on the first click: no page carries them at start-up.
 */
import { createSignal, type Accessor } from 'solid-js';
import { toAppErrorData, type AppErrorData } from '../../core/errors';
import type { GraphAccount } from '../../core/model/account';

export interface SignInAgainAction {
  readonly busy: Accessor<boolean>;
  readonly error: Accessor<AppErrorData | null>;
  /** The last attempt succeeded (the account's flag is cleared and its sync resumed). */
  readonly done: Accessor<boolean>;
  /** Starts the sign-in; call it straight from a click (popup blockers). */
  run(): void;
}

const signInCode = () => import('./sign-in-again');

export function createSignInAgain(account: Accessor<GraphAccount>): SignInAgainAction {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<AppErrorData | null>(null);
  const [done, setDone] = createSignal(false);
  const attempt = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await (await signInCode()).signInAgain(account());
      setDone(true);
    } catch (caught) {
      setError(toAppErrorData(caught));
    } finally {
      setBusy(false);
    }
  };
  return {
    busy,
    error,
    done,
    run: () => {
      void attempt();
    },
  };
}
