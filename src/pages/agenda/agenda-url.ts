import { useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, type Accessor } from 'solid-js';
import { pageContext } from '../../lib/db';
import { parseIsoDate } from '../../lib/iso-date';
import { agendaPath, isAgendaView, todayIso, type AgendaView } from './agenda-route';

export interface AgendaUrl {
  readonly view: Accessor<AgendaView>;
  readonly date: Accessor<string>;
  /** Pushes a history entry: back returns to the previous view. */
  readonly go: (view: AgendaView, date: string) => void;
  /** `?new=` and `?event=` when present. */
  readonly newParam: Accessor<string | null>;
  readonly eventParam: Accessor<string | null>;
  /** Removes `?new=` / `?event=` once acted on (replacing the entry, so back does not reopen it). */
  readonly clearOpenParams: () => void;
}

function single(value: string | string[] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? null : first;
}

/** The agenda's state lives in the URL; an invalid view or date is replaced by this week. */
export function useAgendaUrl(): AgendaUrl {
  const params = useParams<{ view?: string; date?: string }>();
  const [search, setSearch] = useSearchParams<{ new?: string; event?: string }>();
  const navigate = useNavigate();
  const ctx = pageContext();

  const valid = createMemo(() => {
    const view = params.view ?? '';
    const date = params.date ?? '';
    return isAgendaView(view) && parseIsoDate(date) !== null ? { view, date } : null;
  });
  const today = todayIso(ctx.now(), ctx.viewerZone);

  createEffect(() => {
    if (valid() === null) navigate(agendaPath('week', today), { replace: true });
  });

  return {
    view: () => valid()?.view ?? 'week',
    date: () => valid()?.date ?? today,
    go: (view, date) => {
      navigate(agendaPath(view, date));
    },
    newParam: () => single(search.new),
    eventParam: () => single(search.event),
    clearOpenParams: () => {
      setSearch({ new: undefined, event: undefined }, { replace: true });
    },
  };
}
