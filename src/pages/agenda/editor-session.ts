import { createSignal, onMount, type Accessor } from 'solid-js';
import { loadEventForEditing } from '../../core/agenda/commands';
import type { DraftErrors, EditScope, EventDraft } from '../../core/ical/event-draft';
import { validateDraft } from '../../core/ical/validate-draft';
import type { MeetingLink } from '../../core/meetings/meeting-link';
import type { CalendarId } from '../../core/model/ids';
import { db, pageContext, viewerZone } from '../../lib/db';
import { draftToForm, formToDraft, type EditorForm } from './editor-form';
import { hasErrors } from './editor-errors';
import type { OccurrenceRef } from './occurrence-ref';
import { saveWrite } from './pending-writes';

export type EditorRequest =
  /** `calendarId`: where the new event goes (a duplicate's calendar); else the default one. */
  | { readonly kind: 'new'; readonly draft: EventDraft; readonly calendarId?: CalendarId }
  | { readonly kind: 'edit'; readonly ref: OccurrenceRef };

export type EditorPhase =
  | { readonly phase: 'loading' }
  | { readonly phase: 'missing'; readonly error: unknown }
  | {
      readonly phase: 'ready';
      readonly recurring: boolean;
      readonly readOnly: boolean;
      /** The occurrence's online meeting, for "Join" (null for a new event). */
      readonly meeting: MeetingLink | null;
    };

export interface EditorDeps {
  readonly request: EditorRequest;
  readonly defaultCalendarId: CalendarId | null;
  readonly askScope: () => Promise<EditScope | null>;
  readonly confirmDelete: (title: string) => Promise<boolean>;
  readonly onDone: () => void;
}

export interface EditorSession {
  readonly phase: Accessor<EditorPhase>;
  readonly form: Accessor<EditorForm | null>;
  readonly update: (change: (form: EditorForm) => EditorForm) => void;
  readonly errors: Accessor<DraftErrors>;
  /** A failed save or delete (an AppError or anything thrown); the form keeps what the user typed. */
  readonly failure: Accessor<unknown>;
  readonly busy: Accessor<boolean>;
  readonly save: () => Promise<void>;
  readonly remove: () => Promise<void>;
}

/**
 * The editor's state and actions: loads an existing occurrence, validates with validateDraft (nothing
 * is saved while an error shows), asks the recurrence scope, and writes through pending-writes.ts: the
 * editor closes only once the write has committed, and stays open with the error if it failed.
 */
export function createEditorSession(deps: EditorDeps): EditorSession {
  const zone = viewerZone();
  const request = deps.request;
  const [phase, setPhase] = createSignal<EditorPhase>(
    request.kind === 'new'
      ? { phase: 'ready', recurring: false, readOnly: false, meeting: null }
      : { phase: 'loading' },
  );
  const [form, setForm] = createSignal<EditorForm | null>(
    request.kind === 'new'
      ? draftToForm(request.draft, request.calendarId ?? deps.defaultCalendarId ?? '', zone)
      : null,
  );
  const [errors, setErrors] = createSignal<DraftErrors>({});
  const [failure, setFailure] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);

  onMount(() => {
    if (request.kind !== 'edit') return;
    loadEventForEditing(db, request.ref, pageContext()).then(
      (loaded) => {
        setForm(draftToForm(loaded.draft, loaded.calendarId, zone));
        setPhase({
          phase: 'ready',
          recurring: loaded.recurring,
          readOnly: loaded.readOnly,
          meeting: loaded.meeting,
        });
      },
      (error: unknown) => setPhase({ phase: 'missing', error }),
    );
  });

  const run = async (action: () => Promise<boolean>): Promise<void> => {
    setBusy(true);
    setFailure(null);
    try {
      if (await action()) deps.onDone();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const scopeFor = async (): Promise<EditScope | null> => {
    const current = phase();
    return current.phase === 'ready' && current.recurring ? deps.askScope() : 'all';
  };

  const save = (): Promise<void> =>
    run(async () => {
      const current = form();
      if (!current) return false;
      const draft = formToDraft(current);
      const found = validateDraft(draft);
      setErrors(found);
      if (hasErrors(found)) return false;
      const calendarId = current.calendarId as CalendarId;
      if (request.kind === 'new') {
        await saveWrite({ kind: 'create', input: { calendarId, draft } });
        return true;
      }
      const scope = await scopeFor();
      if (scope === null) return false;
      await saveWrite({ kind: 'edit', input: { ...request.ref, draft, scope, calendarId } });
      return true;
    });

  const remove = (): Promise<void> =>
    run(async () => {
      if (request.kind !== 'edit') return false;
      const current = phase();
      let scope: EditScope | null = 'all';
      if (current.phase === 'ready' && current.recurring) scope = await deps.askScope();
      else if (!(await deps.confirmDelete(form()?.title ?? ''))) scope = null;
      if (scope === null) return false;
      await saveWrite({ kind: 'delete', input: { ...request.ref, scope } });
      return true;
    });

  const update = (change: (form: EditorForm) => EditorForm): void => {
    setForm((current) => (current ? change(current) : current));
  };

  return { phase, form, update, errors, failure, busy, save, remove };
}
