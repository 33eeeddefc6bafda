import { ErrorKind } from '../../../core/errors';
import type { SyncLogCode, SyncLogLine } from '../../../core/model/sync-log-line';
import { errorMessage } from '../../../lib/error-messages';
import { useCatalog } from '../../../lib/i18n/locale';
import type { SyncLogView } from './sync-log-data';
import { syncLogMessages } from './sync-log-messages';

export interface LineWords {
  /** What happened, in the reader's language. */
  readonly text: string;
  /** What the reader can do, or a technical detail, when there is one. */
  readonly detail: string | null;
}

const KINDS: ReadonlySet<string> = new Set(Object.values(ErrorKind));

function errorKind(value: unknown): ErrorKind {
  return typeof value === 'string' && KINDS.has(value) ? (value as ErrorKind) : ErrorKind.unknown;
}

const count = (line: SyncLogLine, name: string): number => {
  const value = line.params[name];
  return typeof value === 'number' ? value : 0;
};

/** A line in words, in the UI language (reactive on it): its code with its params. */
export function lineWords(line: SyncLogLine): LineWords {
  const t = useCatalog(syncLogMessages);
  const only = (text: string): LineWords => ({ text, detail: null });
  const words: Record<SyncLogCode, () => LineWords> = {
    synced: () =>
      only(
        t('codeSynced', {
          pulled: count(line, 'pulled'),
          pushed: count(line, 'pushed'),
          deletedLocally: count(line, 'deletedLocally'),
        }),
      ),
    failed: () => {
      const error = errorMessage({ kind: errorKind(line.params['kind']) });
      return { text: t('codeFailed', { title: error.title }), detail: error.action };
    },
    'set-aside': () => only(t('codeSetAside')),
    conflict: () => only(t('codeConflict')),
    reverted: () => only(t('codeReverted')),
    'empty-on-server': () => only(t('codeEmptyOnServer', { count: count(line, 'count') })),
    'token-refused': () => only(t('codeTokenRefused')),
    answered: () =>
      only(t('codeAnswered', { deleted: count(line, 'deleted'), queued: count(line, 'queued') })),
    moved: () => only(t('codeMoved')),
    'server-edit-kept': () => only(t('codeServerEditKept')),
    'edit-waits': () => only(t('codeEditWaits')),
    internal: () => ({ text: t('codeInternal'), detail: t('technical', { message: line.message }) }),
    // Anything else the engine says: its own (English) words.
    note: () => only(line.message),
  };
  // A line written by a newer version of the app may carry a code this one does not know.
  const known = words[line.code] as (() => LineWords) | undefined;
  return (known ?? words.note)();
}

/** "Account › Calendar", the account alone, or the sync service for lines about neither. */
export function lineWhere(line: SyncLogLine, view: SyncLogView): string {
  const t = useCatalog(syncLogMessages);
  if (line.accountId === null && line.calendarId === null) return t('syncService');
  const account =
    line.accountId === null ? null : (view.accountNames.get(line.accountId) ?? t('removedAccount'));
  if (line.calendarId === null) return account ?? t('removedAccount');
  const calendar = view.calendarNames.get(line.calendarId) ?? t('removedCalendar');
  return account === null ? calendar : t('where', { account, calendar });
}
