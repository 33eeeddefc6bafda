import { toAppErrorData, type AppErrorData } from '../../core/errors';
import type { Params } from '../../lib/i18n/locale';
import type { AgendaMessageKey } from './agenda-messages';

/** What the agenda says when a command fails: a catalog key and its parameters. */
export function appErrorMessage(error: unknown): { key: AgendaMessageKey; params: Params } {
  const data: AppErrorData = toAppErrorData(error);
  const params = { message: data.message };
  switch (data.kind) {
    case 'read-only':
      return { key: 'errorReadOnly', params };
    case 'invalid-input':
      return { key: 'errorInvalidInput', params };
    case 'not-found':
      return { key: 'errorNotFound', params };
    case 'quota-exceeded':
      return { key: 'errorQuota', params };
    case 'storage-unavailable':
      return { key: 'errorStorage', params };
    case 'network':
      return { key: 'errorNetwork', params };
    default:
      return { key: 'errorUnknown', params };
  }
}
