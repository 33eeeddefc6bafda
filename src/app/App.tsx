import { Route, Router } from '@solidjs/router';
import { lazy, type JSX } from 'solid-js';
import { AgendaPage } from '../pages/agenda/AgendaPage';
import { DashboardPage } from '../pages/dashboard/DashboardPage';
import { AgendaRedirect } from './AgendaRedirect';
import { NotFoundPage } from './NotFoundPage';
import { Shell } from './Shell';

// The agenda's page is in the main chunk so it paints in the first frame, without a round trip for
// its code; FullCalendar, the bulk of it, is a chunk of its own (pages/agenda/calendar-instance.ts).

// Settings carries the accounts (tsdav discovery, crypto): loaded when first visited.
const SettingsPage = lazy(() =>
  import('../pages/settings/SettingsPage').then((module) => ({ default: module.SettingsPage })),
);

// Import/export and subscribe carry ical.js: loaded when first visited.
const ImportPage = lazy(() =>
  import('../pages/import/ImportPage').then((module) => ({ default: module.ImportPage })),
);
const SubscribePage = lazy(() =>
  import('../pages/subscribe/SubscribePage').then((module) => ({ default: module.SubscribePage })),
);

/** The routes; each page renders its own <main> with one <h1> inside the shell. */
export function App(): JSX.Element {
  return (
    <Router root={Shell}>
      <Route path="/" component={DashboardPage} />
      <Route path="/agenda" component={AgendaRedirect} />
      <Route path="/agenda/:view" component={AgendaRedirect} />
      <Route path="/agenda/:view/:date" component={AgendaPage} />
      <Route path="/settings" component={SettingsPage} />
      <Route path="/import" component={ImportPage} />
      <Route path="/subscribe" component={SubscribePage} />
      <Route path="*404" component={NotFoundPage} />
    </Router>
  );
}
