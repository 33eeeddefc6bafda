import { transferHandlers } from 'comlink';
import { registerAppErrorTransfer } from '../core/sync/app-error-transfer';

/**
 * The page's side of the AppError transfer over Comlink (src/core/sync/app-error-transfer.ts, shared
 * with the sync worker): installs the handlers in this context's Comlink registry, once.
 */
export {
  appErrorThrowHandler,
  appErrorValueHandler,
  type SerializedThrow,
} from '../core/sync/app-error-transfer';

export function registerComlinkErrorHandlers(): void {
  registerAppErrorTransfer(transferHandlers);
}
