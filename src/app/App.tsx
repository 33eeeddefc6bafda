import { Route, Router } from '@solidjs/router';
import { lazy, type JSX } from 'solid-js';
import { DashboardPage } from '../pages/dashboard/DashboardPage';
import { AgendaRedirect } from './AgendaRedirect';
import { NotFoundPage } from './NotFoundPage';
import { Shell } from './Shell';

// The agenda carries FullCalendar: loaded when first visited, so the dashboard opens fast.
const AgendaPage = lazy(() =>
  import('../pages/agenda/AgendaPage').then((module) => ({ default: module.AgendaPage })),
);

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
