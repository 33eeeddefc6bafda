import { Navigate, useParams } from '@solidjs/router';
import type { JSX } from 'solid-js';
import { viewerZone } from '../lib/db';
import { agendaPath, AgendaView, isAgendaView, todayIso } from '../pages/agenda/agenda-route';

/** `/agenda` and `/agenda/:view` land on today, in that view (week when the view is missing or unknown). */
export function AgendaRedirect(): JSX.Element {
  const params = useParams<{ view?: string }>();
  return (
    <Navigate
      href={({ location }) => {
        const view = params.view !== undefined && isAgendaView(params.view) ? params.view : AgendaView.week;
        return `${agendaPath(view, todayIso(Date.now(), viewerZone()))}${location.search}`;
      }}
    />
  );
}
